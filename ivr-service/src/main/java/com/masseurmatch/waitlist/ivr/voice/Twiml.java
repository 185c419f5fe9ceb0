package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Stream;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds every TwiML document the IVR answers with, through twilio-java's builders. Action and
 * callback URLs are absolute, on {@code PUBLIC_BASE_URL}; speech uses the configured voice.
 */
@Singleton
public class Twiml {

  private static final String TOKEN_STAND_IN = "x0token0stand0in0x";
  private static final String CALLER_STAND_IN = "x0caller0stand0in0x";
  private static final String EXPERIMENT_STAND_IN = "x0experiment0stand0in0x";
  private static final String VARIANT_STAND_IN = "x0variant0stand0in0x";

  private final IvrConfig config;
  private final String base;
  // documents that do not change from call to call, each rendered once
  private final Map<String, String> menus = new ConcurrentHashMap<>();
  private final Map<String, String> streams = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();

  Twiml(IvrConfig config) {
    this.config = config;
    this.base = IvrConfig.baseUrl(config);
  }

  /** {@code PUBLIC_BASE_URL} + path. */
  public String url(String path) {
    return base + path;
  }

  public Say say(String text) {
    return new Say.Builder(text)
        .option("voice", config.voice())
        .option("language", config.language())
        .build();
  }

  /**
   * The greeting (first time) or an apology, then the menu in one {@code <Gather>}. Every call
   * hears the same few menus, and twilio-java builds each document through a new JAXP transformer,
   * so they are rendered once (the benchmark showed it as the largest cost of a webhook).
   */
  public String menu(int attempt, String before) {
    return menus.computeIfAbsent(attempt + "\n" + before, key -> renderMenu(attempt, before));
  }

  private String renderMenu(int attempt, String before) {
    String options =
        "To join the waitlist with "
            + config.persona()
            + ", our virtual concierge, press 1 or say waitlist. To speak with our team, press 2"
            + " or say team. To leave a voicemail, press 3 or say voicemail.";
    Gather gather =
        new Gather.Builder()
            .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
            .numDigits(1)
            .timeout(config.menu().timeoutSeconds())
            .speechTimeout("auto")
            .hints("waitlist, join, team, person, voicemail, message")
            .option("language", config.language())
            .actionOnEmptyResult(true)
            .action(url("/api/voice/menu?attempt=" + attempt))
            .method(HttpMethod.POST)
            .say(say(before == null ? options : before + " " + options))
            .build();
    return xml(new VoiceResponse.Builder().gather(gather));
  }

  public String greeting() {
    return "Thanks for calling " + config.brand() + ".";
  }

  /**
   * Option 1 while the bridge is ready: stream the call to it, back to the IVR afterwards. The
   * document is rendered by twilio-java once per bridge URL with stand-ins for the two per-call
   * values, which are then put in, escaped for XML.
   */
  public String connectStream(String websocketBase, String token, String caller) {
    return connectStream(websocketBase, token, caller, null, null);
  }

  /** The same, for a call in an experiment: its id and variant go to the bridge too. */
  public String connectStream(
      String websocketBase, String token, String caller, String experiment, String variant) {
    boolean arm = experiment != null && variant != null;
    String template =
        streams.computeIfAbsent(
            websocketBase + "\n" + (caller != null) + "\n" + arm,
            key ->
                renderConnectStream(
                    websocketBase,
                    TOKEN_STAND_IN,
                    caller == null ? null : CALLER_STAND_IN,
                    arm ? EXPERIMENT_STAND_IN : null,
                    arm ? VARIANT_STAND_IN : null));
    String xml = template.replace(TOKEN_STAND_IN, attribute(token));
    xml = caller == null ? xml : xml.replace(CALLER_STAND_IN, attribute(caller));
    return arm
        ? xml.replace(EXPERIMENT_STAND_IN, attribute(experiment))
            .replace(VARIANT_STAND_IN, attribute(variant))
        : xml;
  }

  /** The same document built by twilio-java each time. */
  String renderConnectStream(String websocketBase, String token, String caller) {
    return renderConnectStream(websocketBase, token, caller, null, null);
  }

  String renderConnectStream(
      String websocketBase, String token, String caller, String experiment, String variant) {
    Stream.Builder stream =
        new Stream.Builder()
            .url(websocketBase.replaceAll("/+$", "") + StreamContract.MEDIA_STREAM_PATH)
            .parameter(
                new Parameter.Builder().name(StreamContract.TOKEN_PARAMETER).value(token).build());
    if (caller != null) {
      stream.parameter(
          new Parameter.Builder().name(StreamContract.CALLER_PARAMETER).value(caller).build());
    }
    if (experiment != null && variant != null) {
      stream.parameter(
          new Parameter.Builder()
              .name(StreamContract.EXPERIMENT_PARAMETER)
              .value(experiment)
              .build());
      stream.parameter(
          new Parameter.Builder().name(StreamContract.VARIANT_PARAMETER).value(variant).build());
    }
    Connect connect =
        new Connect.Builder()
            .action(url("/api/voice/realtime/ended")).method(HttpMethod.POST).stream(stream.build())
                .build();
    return xml(new VoiceResponse.Builder().connect(connect));
  }

  /** A value for a double-quoted XML attribute, escaped as the JDK's serializer does. */
  static String attribute(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A redirect to one of the IVR's own paths; a handful of them, each rendered once. */
  public String redirect(String path) {
    return redirects.computeIfAbsent(
        path, key -> xml(new VoiceResponse.Builder().redirect(redirectTo(key))));
  }

  public String sayThenRedirect(String text, String path) {
    return xml(new VoiceResponse.Builder().say(say(text)).redirect(redirectTo(path)));
  }

  public String sayThenHangUp(String text) {
    return xml(new VoiceResponse.Builder().say(say(text)).hangup(new Hangup.Builder().build()));
  }

  /** Option 2: ring the team; the outcome goes to the transfer status action. */
  public String dialTeam(String number, String callerId) {
    Dial.Builder dial =
        new Dial.Builder()
            .timeout(config.transfer().ringSeconds())
            .action(url("/api/voice/transfer/status"))
            .method(HttpMethod.POST)
            .number(new Number.Builder(number).build());
    if (callerId != null) {
      dial.callerId(callerId);
    }
    return xml(
        new VoiceResponse.Builder()
            .say(say("Connecting you with the " + config.brand() + " team. One moment."))
            .dial(dial.build()));
  }

  /** Option 3: record a message; callbacks store it. */
  public String recordVoicemail(String before) {
    Record.Builder record =
        new Record.Builder()
            .maxLength(config.voicemail().maxLengthSeconds())
            .playBeep(true)
            .timeout(5)
            .finishOnKey("#")
            .action(url("/api/voice/voicemail/recorded"))
            .method(HttpMethod.POST)
            .recordingStatusCallback(url("/api/voice/voicemail/recording-status"))
            .recordingStatusCallbackMethod(HttpMethod.POST);
    if (config.voicemail().transcribe()) {
      record.transcribe(true).transcribeCallback(url("/api/voice/voicemail/transcription"));
    }
    String prompt =
        (before == null ? "" : before + " ")
            + "Please leave your name, number and message after the tone. Press the pound key"
            + " when you are done.";
    return xml(
        new VoiceResponse.Builder()
            .say(say(prompt))
            .record(record.build())
            .say(say("We did not receive a message. Goodbye."))
            .hangup(new Hangup.Builder().build()));
  }

  /** Asks for keys: {@code numDigits} of them, or any number ended with {@code #} when null. */
  public String gatherKeys(String prompt, String actionPath, Integer numDigits) {
    Gather.Builder gather =
        new Gather.Builder()
            .inputs(Gather.Input.DTMF)
            .timeout(8)
            .actionOnEmptyResult(true)
            .action(url(actionPath))
            .method(HttpMethod.POST)
            .say(say(prompt));
    if (numDigits != null) {
      gather.numDigits(numDigits);
    } else {
      gather.finishOnKey("#");
    }
    return xml(new VoiceResponse.Builder().gather(gather.build()));
  }

  /** Asks for speech (keys still work, e.g. for a confirmation), with recognition hints. */
  public String gatherSpeech(String prompt, String actionPath, String hints) {
    Gather.Builder gather =
        new Gather.Builder()
            .inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
            // Twilio does not support speechTimeout="auto" with a speech model (warnings 13335
            // and 13327): a number of seconds of silence ends the caller's answer instead
            .speechTimeout(Integer.toString(config.speechTimeoutSeconds()))
            .speechModel("phone_call")
            .timeout(6)
            .option("language", config.language())
            .actionOnEmptyResult(true)
            .action(url(actionPath))
            .method(HttpMethod.POST)
            .say(say(prompt));
    if (hints != null) {
      gather.hints(hints);
    }
    return xml(new VoiceResponse.Builder().gather(gather.build()));
  }

  /** For status callbacks, whose answer Twilio ignores. */
  public String empty() {
    return xml(new VoiceResponse.Builder());
  }

  private Redirect redirectTo(String path) {
    return new Redirect.Builder(url(path)).method(HttpMethod.POST).build();
  }

  private static String xml(VoiceResponse.Builder response) {
    try {
      return response.build().toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("cannot build TwiML", e);
    }
  }
}
