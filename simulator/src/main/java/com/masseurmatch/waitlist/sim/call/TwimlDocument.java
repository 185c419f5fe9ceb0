package com.masseurmatch.waitlist.sim.call;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reading a TwiML answer as Twilio does: one {@code <Response>}, its verbs and their attributes.
 */
final class TwimlDocument {

  private TwimlDocument() {}

  /** The {@code <Response>} element of a TwiML document; anything else is an error. */
  static Element parse(String twiml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(twiml)))
              .getDocumentElement();
      if (!root.getTagName().equals("Response")) {
        throw new IOException("TwiML without <Response>: " + twiml);
      }
      return root;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("not TwiML: " + twiml, e);
    }
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        out.add(element);
      }
    }
    return out;
  }

  /** Every element below {@code parent}, depth first. */
  static List<Element> descendants(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Element child : children(parent)) {
      out.add(child);
      out.addAll(descendants(child));
    }
    return out;
  }

  static String attribute(Element element, String name, String fallback) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? fallback : value;
  }

  /** A URL in the document, resolved against the document's own URL as Twilio does. */
  static String resolve(URI base, String url) {
    return base.resolve(url).toString();
  }
}
