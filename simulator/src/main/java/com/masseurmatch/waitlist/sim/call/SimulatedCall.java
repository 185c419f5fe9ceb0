package com.masseurmatch.waitlist.sim.call;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * One phone call as Twilio would place it against the IVR: the signed incoming-call webhook, then
 * the TwiML that comes back, verb by verb ({@code Say}, {@code Play}, {@code Pause}, {@code
 * Gather}, {@code Redirect}, {@code Dial}, {@code Record}, {@code Hangup}), following each action
 * URL with the parameters Twilio sends ({@code Digits}, {@code SpeechResult}, {@code
 * DialCallStatus}, {@code RecordingUrl}, the recording and transcription callbacks). The caller's
 * side comes from a {@link CallScript}. {@code <Connect><Stream>} opens the media stream as Twilio
 * does ({@link MediaStreamCall}); when the server closes it the call continues with the Connect
 * action, when the caller hangs up the call is over.
 */
public final class SimulatedCall {

  /** How the call went: what the caller heard, what happened, and a refused webhook if any. */
  public record Result(List<String> heard, List<String> events, int refusedStatus) {}

  private static final int MAX_WEBHOOKS = 50;

  private final WebhookClient client;
  private final CallScript script;
  private final Consumer<String> out;
  private final Map<String, String> call = new LinkedHashMap<>();
  private final List<String> heard = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private CallerVoice voice = CallerVoice.silence();

  public SimulatedCall(
      String authToken, String from, String to, CallScript script, Consumer<String> out) {
    this.client = new WebhookClient(authToken);
    this.script = script;
    this.out = out;
    call.put("AccountSid", "AC" + hex(16));
    call.put("CallSid", "CA" + hex(16));
    call.put("From", from);
    call.put("Caller", from);
    call.put("To", to);
    call.put("Called", to);
    call.put("Direction", "inbound");
    call.put("ApiVersion", "2010-04-01");
  }

  /** The caller speaks this WAV file (converted to 8 kHz u-law) on the first media stream. */
  public SimulatedCall speaking(Path wav) throws IOException {
    voice = CallerVoice.fromWav(wav);
    event(String.format("the caller's voice: %s (%.1f s)", wav.getFileName(), voice.seconds()));
    return this;
  }

  public String callSid() {
    return call.get("CallSid");
  }

  /** Places the call: {@code voiceUrl} is the number's "a call comes in" webhook. */
  public Result run(String voiceUrl) throws IOException, InterruptedException {
    String url = voiceUrl;
    Map<String, String> extra = Map.of("CallStatus", "ringing");
    for (int webhooks = 0; url != null && webhooks < MAX_WEBHOOKS; webhooks++) {
      HttpResponse<String> response = post(url, extra);
      if (response.statusCode() != 200) {
        event("the webhook answered " + response.statusCode() + "; Twilio ends the call");
        return new Result(heard, events, response.statusCode());
      }
      Next next = execute(URI.create(url), parse(response.body()));
      url = next == null ? null : next.url();
      extra = next == null ? Map.of() : next.parameters();
    }
    event("call ended");
    return new Result(heard, events, 0);
  }

  private record Next(String url, Map<String, String> parameters) {}

  private Next execute(URI base, Element response) throws IOException, InterruptedException {
    for (Element verb : children(response)) {
      switch (verb.getTagName()) {
        case "Say", "Play", "Pause" -> hear(verb);
        case "Gather" -> {
          Next next = gather(base, verb);
          if (next != null) {
            return next;
          }
        }
        case "Redirect" -> {
          return new Next(resolve(base, verb.getTextContent().strip()), Map.of());
        }
        case "Dial" -> {
          Next next = dial(base, verb);
          if (next != null) {
            return next;
          }
        }
        case "Record" -> {
          return record(base, verb);
        }
        case "Connect" -> {
          Next next = connect(base, verb);
          if (next != null) {
            return next;
          }
        }
        case "Hangup" -> {
          event("the IVR hung up");
          return null;
        }
        default -> event("unsupported verb <" + verb.getTagName() + "> skipped");
      }
    }
    event("end of the TwiML: Twilio hangs up");
    return null;
  }

  private void hear(Element verb) {
    String line =
        switch (verb.getTagName()) {
          case "Say" -> verb.getTextContent().strip();
          case "Play" -> "(audio " + verb.getTextContent().strip() + ")";
          default -> "(pause " + verb.getAttribute("length") + " s)";
        };
    heard.add(line);
    out.accept("heard: " + line);
  }

  private Next gather(URI base, Element gather) {
    children(gather).forEach(this::hear);
    CallScript.Step input = script.nextInput();
    String action = resolve(base, attribute(gather, "action", base.toString()));
    Map<String, String> parameters = new LinkedHashMap<>();
    switch (input.action()) {
      case "press" -> {
        event("pressed " + input.value());
        parameters.put("Digits", input.value());
      }
      case "say" -> {
        event("said \"" + input.value() + "\"");
        parameters.put("SpeechResult", input.value());
        parameters.put("Confidence", "0.92");
      }
      case "hangup" -> {
        event("the caller hung up");
        return new Next(null, Map.of());
      }
      default -> {
        event("stayed silent");
        if (!"true".equals(gather.getAttribute("actionOnEmptyResult"))) {
          return null;
        }
      }
    }
    return new Next(action, parameters);
  }

  private Next dial(URI base, Element dial) {
    String status = script.dialStatus();
    event("dialled " + dial.getTextContent().strip() + ": " + status);
    if (dial.getAttribute("action").isEmpty()) {
      return null;
    }
    return new Next(
        resolve(base, dial.getAttribute("action")),
        Map.of(
            "DialCallStatus",
            status,
            "DialCallSid",
            "CA" + hex(16),
            "DialCallDuration",
            status.equals("completed") ? "42" : "0"));
  }

  private Next record(URI base, Element record) throws IOException, InterruptedException {
    int seconds = script.recordSeconds();
    String recordingSid = "RE" + hex(16);
    String recordingUrl =
        "https://api.twilio.com/2010-04-01/Accounts/"
            + call.get("AccountSid")
            + "/Recordings/"
            + recordingSid;
    event("left a voicemail of " + seconds + " s");
    Map<String, String> recording =
        Map.of(
            "RecordingSid", recordingSid,
            "RecordingUrl", recordingUrl,
            "RecordingDuration", Integer.toString(seconds));
    String action = resolve(base, attribute(record, "action", base.toString()));
    // Twilio fetches the action's TwiML at once; the status and transcription callbacks follow
    HttpResponse<String> next = post(action, with(recording, Map.of("Digits", "#")));
    if (!record.getAttribute("recordingStatusCallback").isEmpty()) {
      post(
          resolve(base, record.getAttribute("recordingStatusCallback")),
          with(
              recording,
              Map.of(
                  "RecordingStatus", "completed",
                  "RecordingChannels", "1",
                  "RecordingSource", "RecordVerb")));
    }
    if (!record.getAttribute("transcribeCallback").isEmpty()) {
      post(
          resolve(base, record.getAttribute("transcribeCallback")),
          with(
              recording,
              Map.of(
                  "TranscriptionSid", "TR" + hex(16),
                  "TranscriptionStatus", "completed",
                  "TranscriptionText", "Hi, this is a simulated voicemail.")));
    }
    if (next.statusCode() != 200) {
      event("the record action answered " + next.statusCode());
      return null;
    }
    return execute(URI.create(action), parse(next.body()));
  }

  private Next connect(URI base, Element connect) throws IOException {
    for (Element stream : children(connect)) {
      Map<String, String> parameters = new LinkedHashMap<>();
      children(stream)
          .forEach(p -> parameters.put(p.getAttribute("name"), p.getAttribute("value")));
      event("media stream to " + stream.getAttribute("url") + " (" + parameters.keySet() + ")");
      MediaStreamCall.Outcome outcome;
      try {
        outcome =
            MediaStreamCall.run(
                stream.getAttribute("url"),
                call.get("AccountSid"),
                callSid(),
                parameters,
                script.listenSeconds(),
                voice);
      } catch (Exception e) {
        event("the media stream failed: " + e.getMessage());
        break;
      }
      String line = String.format("(%.1f s of audio from the stream)", outcome.secondsHeard());
      heard.add(line);
      out.accept("heard: " + line);
      if (outcome.clears() > 0) {
        event("the server cleared queued audio " + outcome.clears() + " time(s)");
      }
      if (!outcome.closedByServer()) {
        event("the caller hung up during the stream");
        return new Next(null, Map.of());
      }
      event("the stream was closed by the server");
    }
    if (connect.getAttribute("action").isEmpty()) {
      return null;
    }
    return new Next(resolve(base, connect.getAttribute("action")), Map.of());
  }

  private HttpResponse<String> post(String url, Map<String, String> extra)
      throws IOException, InterruptedException {
    Map<String, String> parameters = new LinkedHashMap<>(call);
    parameters.putIfAbsent("CallStatus", "in-progress");
    parameters.putAll(extra);
    out.accept("POST " + url + " " + extra);
    return client.post(url, parameters);
  }

  private void event(String text) {
    events.add(text);
    out.accept("-- " + text);
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }

  private static String attribute(Element element, String name, String fallback) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? fallback : value;
  }

  private static String resolve(URI base, String url) {
    return base.resolve(url).toString();
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        out.add(element);
      }
    }
    return out;
  }

  private static Element parse(String twiml) throws IOException {
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

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
