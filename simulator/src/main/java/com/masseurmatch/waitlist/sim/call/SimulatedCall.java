package com.masseurmatch.waitlist.sim.call;

import static com.masseurmatch.waitlist.sim.call.TwimlDocument.attribute;
import static com.masseurmatch.waitlist.sim.call.TwimlDocument.children;
import static com.masseurmatch.waitlist.sim.call.TwimlDocument.resolve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * One phone call as Twilio would place it against the IVR: the signed incoming-call webhook, then
 * the TwiML that comes back, verb by verb ({@code Say}, {@code Play}, {@code Pause}, {@code
 * Gather}, {@code Redirect}, {@code Dial}, {@code Record}, {@code Hangup}), following each action
 * URL with the parameters Twilio sends ({@code Digits}, {@code SpeechResult}, {@code
 * DialCallStatus}, {@code RecordingUrl}, the recording and transcription callbacks). The caller's
 * side comes from a {@link CallScript}. {@code <Connect><Stream>} opens the media stream as Twilio
 * does ({@link MediaStreamCall}); when the server closes it the call continues with the Connect
 * action, when the caller hangs up the call is over. Like Twilio, it gives each webhook 15 s (error
 * 11205 ends the call) and reports the TwiML warnings of {@link TwimlWarnings}.
 */
public final class SimulatedCall {

  /**
   * How the call went: what the caller heard, what happened, a refused webhook if any, and what
   * Twilio would have reported in its debugger (errors such as 11205, TwiML warnings).
   */
  public record Result(
      List<String> heard, List<String> events, int refusedStatus, List<String> twilioErrors) {}

  private static final int MAX_WEBHOOKS = 50;
  private static final String APPLICATION_ERROR =
      "(Twilio: We are sorry, an application error has occurred. Goodbye.)";

  private final String authToken;
  private WebhookClient client;
  private final CallScript script;
  private final CallTranscript transcript;
  private final Map<String, String> call = new LinkedHashMap<>();
  private CallerVoice voice = CallerVoice.silence();

  public SimulatedCall(
      String authToken, String from, String to, CallScript script, Consumer<String> out) {
    this.authToken = authToken;
    this.client = new WebhookClient(authToken, WebhookClient.TWILIO_LIMIT);
    this.script = script;
    this.transcript = new CallTranscript(out);
    call.putAll(TwilioParameters.inboundCall(from, to));
  }

  /** Gives each webhook at most {@code limit} instead of Twilio's 15 s (for short tests). */
  public SimulatedCall webhookLimit(Duration limit) {
    client = new WebhookClient(authToken, limit);
    return this;
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
      HttpResponse<String> response;
      try {
        response = post(url, extra);
      } catch (HttpTimeoutException e) {
        // Twilio gives up on the webhook, logs 11205 and plays its own error message
        twilioError(
            "11205: " + url + " did not answer within " + client.limit().toSeconds() + " s");
        transcript.heard(APPLICATION_ERROR);
        event("Twilio ends the call");
        return result(0);
      }
      if (response.statusCode() != 200) {
        event("the webhook answered " + response.statusCode() + "; Twilio ends the call");
        return result(response.statusCode());
      }
      Element twiml = TwimlDocument.parse(response.body());
      TwimlWarnings.check(response.body(), twiml).forEach(this::twilioError);
      Next next = execute(URI.create(url), twiml);
      url = next == null ? null : next.url();
      extra = next == null ? Map.of() : next.parameters();
    }
    event("call ended");
    return result(0);
  }

  private Result result(int refusedStatus) {
    return transcript.result(refusedStatus);
  }

  private void twilioError(String text) {
    transcript.twilioError(text);
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
          case "Say" -> spokenIn(verb) + verb.getTextContent().strip();
          case "Play" -> "(audio " + verb.getTextContent().strip() + ")";
          default -> "(pause " + verb.getAttribute("length") + " s)";
        };
    transcript.heard(line);
  }

  /** "[es-US Polly.Lupe] " for speech in another language than English, else nothing. */
  private static String spokenIn(Element say) {
    String language = say.getAttribute("language");
    if (language.isEmpty() || language.startsWith("en")) {
      return "";
    }
    return "[" + language + " " + say.getAttribute("voice") + "] ";
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
    return new Next(resolve(base, dial.getAttribute("action")), TwilioParameters.dialled(status));
  }

  private Next record(URI base, Element record) throws IOException, InterruptedException {
    int seconds = script.recordSeconds();
    event("left a voicemail of " + seconds + " s");
    Map<String, String> recording = TwilioParameters.recording(call.get("AccountSid"), seconds);
    String action = resolve(base, attribute(record, "action", base.toString()));
    // Twilio fetches the action's TwiML at once; the status and transcription callbacks follow
    HttpResponse<String> next = post(action, with(recording, Map.of("Digits", "#")));
    if (!record.getAttribute("recordingStatusCallback").isEmpty()) {
      post(
          resolve(base, record.getAttribute("recordingStatusCallback")),
          with(recording, TwilioParameters.recordingCompleted()));
    }
    if (!record.getAttribute("transcribeCallback").isEmpty()) {
      post(
          resolve(base, record.getAttribute("transcribeCallback")),
          with(recording, TwilioParameters.transcribed()));
    }
    if (next.statusCode() != 200) {
      event("the record action answered " + next.statusCode());
      return null;
    }
    Element twiml = TwimlDocument.parse(next.body());
    TwimlWarnings.check(next.body(), twiml).forEach(this::twilioError);
    return execute(URI.create(action), twiml);
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
      transcript.heard(line);
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
    transcript.print("POST " + url + " " + extra);
    return client.post(url, parameters);
  }

  private void event(String text) {
    transcript.event(text);
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }
}
