package com.masseurmatch.waitlist.sim.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The checks Twilio makes on a TwiML answer that a happy-path run would not notice: attribute
 * combinations it warns about or ignores, and limits it enforces. Each finding names Twilio's error
 * or warning code where it has one; a simulated call reports them, and the tests fail on them.
 */
final class TwimlWarnings {

  /** Twilio refuses a TwiML answer larger than this (error 11750). */
  static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  /** Longest {@code <Say>} text for Amazon Polly voices (warning 13521). */
  static final int MAX_POLLY_SAY = 3000;

  /** Longest {@code <Say>} text for the basic voices (warning 13521). */
  static final int MAX_BASIC_SAY = 4096;

  /** A {@code <Parameter>}'s name and value together stay under this. */
  static final int MAX_PARAMETER = 500;

  // "press 1": one key is the whole answer ("then press pound" names the finish key instead)
  private static final Pattern ONE_KEY = Pattern.compile("(?i)\\bpress \\d\\b");
  private static final Pattern SECONDS = Pattern.compile("\\d+");

  private TwimlWarnings() {}

  /** What Twilio would warn about or refuse in {@code twiml}, parsed as {@code response}. */
  static List<String> check(String twiml, Element response) {
    List<String> found = new ArrayList<>();
    if (twiml.getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
      found.add("11750: the TwiML document is larger than 64 kB");
    }
    for (Element verb : TwimlDocument.descendants(response)) {
      switch (verb.getTagName()) {
        case "Gather" -> gather(verb, found);
        case "Say" -> say(verb, found);
        case "Record" -> {
          if (verb.getAttribute("action").isEmpty()) {
            found.add("<Record> without an action: Twilio requests the same document again");
          }
        }
        case "Stream" -> stream(verb, found);
        case "Parameter" -> {
          int length = verb.getAttribute("name").length() + verb.getAttribute("value").length();
          if (length >= MAX_PARAMETER) {
            found.add("<Parameter> name and value are " + length + " characters (limit 500)");
          }
        }
        default -> {}
      }
    }
    return found;
  }

  private static void gather(Element gather, List<String> found) {
    String speechTimeout = gather.getAttribute("speechTimeout");
    if (!gather.getAttribute("speechModel").isEmpty() && "auto".equals(speechTimeout)) {
      found.add(
          "13335/13327: <Gather speechTimeout=\"auto\"> with speechModel=\""
              + gather.getAttribute("speechModel")
              + "\" is not supported; give a number of seconds");
    }
    if (!speechTimeout.isEmpty()
        && !"auto".equals(speechTimeout)
        && !SECONDS.matcher(speechTimeout).matches()) {
      found.add("<Gather speechTimeout=\"" + speechTimeout + "\"> is neither seconds nor auto");
    }
    if (gather.getAttribute("action").isEmpty()) {
      found.add("<Gather> without an action: Twilio requests the same document again");
    }
    String input = TwimlDocument.attribute(gather, "input", "dtmf");
    String numDigits = gather.getAttribute("numDigits");
    String prompt = gather.getTextContent();
    if (input.contains("dtmf") && ONE_KEY.matcher(prompt).find() && !"1".equals(numDigits)) {
      found.add(
          "the prompt asks for one key, but the <Gather> waits for "
              + (numDigits.isEmpty() ? "the finish key or its timeout" : numDigits + " digits")
              + ": \""
              + prompt.strip()
              + "\"");
    }
  }

  private static void say(Element say, List<String> found) {
    int length = say.getTextContent().length();
    boolean polly = say.getAttribute("voice").startsWith("Polly.");
    int limit = polly ? MAX_POLLY_SAY : MAX_BASIC_SAY;
    if (length > limit) {
      found.add("13521: <Say> text of " + length + " characters (limit " + limit + ")");
    }
  }

  private static void stream(Element stream, List<String> found) {
    String url = stream.getAttribute("url");
    if (url.contains("?")) {
      found.add("31920: a <Stream> URL with a query string fails the WebSocket handshake");
    }
    // Twilio itself connects to wss:// only; ws:// is allowed here for services on loopback
    if (!url.startsWith("wss://") && !url.startsWith("ws://")) {
      found.add("<Stream url=\"" + url + "\"> is not a WebSocket URL");
    }
    String track = stream.getAttribute("track");
    Element parent = (Element) stream.getParentNode();
    if ("Connect".equals(parent.getTagName())
        && !track.isEmpty()
        && !"inbound_track".equals(track)) {
      found.add("31941: <Connect><Stream> takes only track=\"inbound_track\"");
    }
  }
}
