package com.masseurmatch.waitlist.ivr.testing;

import static io.restassured.RestAssured.given;

import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Posts signed, Twilio-shaped voice webhooks and reads the TwiML answers. */
public final class Webhooks {

  public static final String PUBLIC_BASE = "https://ivr.example.org";
  public static final String AUTH_TOKEN = "test-twilio-auth-token";
  public static final String CALLER = "+14155550100";

  private Webhooks() {}

  public static String newCallSid() {
    return "CA" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The standard parameters Twilio sends with every voice webhook. */
  public static Map<String, String> call(String callSid) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", "AC22222222222222222222222222222222");
    params.put("CallSid", callSid);
    params.put("From", CALLER);
    params.put("To", "+14155550123");
    params.put("CallStatus", "in-progress");
    params.put("Direction", "inbound");
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  public static Response post(String pathAndQuery, Map<String, String> params) {
    String signature = new WebhookSigner(AUTH_TOKEN).sign(PUBLIC_BASE + pathAndQuery, params);
    return given()
        .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
        .header("X-Twilio-Signature", signature)
        .formParams(params)
        .post(pathAndQuery);
  }

  /** Posts and returns the TwiML document of a 200 answer. */
  public static Twiml twiml(String pathAndQuery, Map<String, String> params) {
    Response response = post(pathAndQuery, params);
    response.then().statusCode(200).contentType("text/xml");
    return Twiml.parse(response.asString());
  }

  /** A parsed TwiML answer, queried with XPath. */
  public record Twiml(Document document, String xml) {

    static Twiml parse(String xml) {
      try {
        return new Twiml(
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
            xml);
      } catch (Exception e) {
        throw new AssertionError("not XML: " + xml, e);
      }
    }

    public String text(String xpath) {
      try {
        return (String)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
      } catch (Exception e) {
        throw new AssertionError(xpath, e);
      }
    }

    public int count(String xpath) {
      try {
        return ((NodeList)
                XPathFactory.newInstance()
                    .newXPath()
                    .evaluate(xpath, document, XPathConstants.NODESET))
            .getLength();
      } catch (Exception e) {
        throw new AssertionError(xpath, e);
      }
    }

    /** The names of the verbs directly under {@code <Response>}, in order. */
    public String verbs() {
      StringBuilder verbs = new StringBuilder();
      NodeList children = document.getDocumentElement().getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
          verbs.append(verbs.length() == 0 ? "" : ",").append(children.item(i).getNodeName());
        }
      }
      return verbs.toString();
    }
  }
}
