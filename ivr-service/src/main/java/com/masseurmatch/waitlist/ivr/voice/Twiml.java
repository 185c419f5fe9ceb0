package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.text.LanguageConfig;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.text.Language;
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
 * callback URLs are absolute, on {@code PUBLIC_BASE_URL}; speech and recognition use the call's
 * language (its voice and locale), and the IVR's own action URLs carry it ({@code lang}). Text and
 * attribute values that come from a request pass {@link XmlChars#text} first, so every document is
 * well-formed XML whatever a caller or transcriber sent.
 */
@Singleton
public class Twiml {

  private static final String TOKEN_STAND_IN = "x0token0stand0in0x";
  private static final String CALLER_STAND_IN = "x0caller0stand0in0x";
  private static final String EXPERIMENT_STAND_IN = "x0experiment0stand0in0x";
  private static final String VARIANT_STAND_IN = "x0variant0stand0in0x";

  private final IvrConfig config;
  private final CallLanguages languages;
  private final VoiceTexts texts;
  private final String base;
  // documents that do not change from call to call, each rendered once
  private final Map<String, String> streams = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();

  Twiml(IvrConfig config, CallLanguages languages, VoiceTexts texts) {
    this.config = config;
    this.languages = languages;
    this.texts = texts;
    this.base = IvrConfig.baseUrl(config);
  }

  /** One of the IVR's paths with the call's language added to its query. */
  public static String path(String path, Language language) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + language.code();
  }

  /** {@code PUBLIC_BASE_URL} + path. */
  public String url(String path) {
    return base + path;
  }

  /** Speech in the language's voice and locale. */
  public Say say(Language language, String text) {
    LanguageConfig.Spoken spoken = languages.spoken(language);
    return new Say.Builder(XmlChars.text(text))
        .option("voice", spoken.voice())
        .option("language", spoken.locale())
        .build();
  }

  /** The TwiML locale of a language, for {@code <Gather language>}. */
  String locale(Language language) {
    return languages.spoken(language).locale();
  }

  /**
   * Option 1 while the bridge is ready: stream the call to it, back to the IVR afterwards. The
   * document is rendered by twilio-java once per bridge URL with stand-ins for the two per-call
   * values, which are then put in, escaped for XML.
   */
  public String connectStream(
      String websocketBase, String token, String caller, Language language) {
    return connectStream(websocketBase, token, caller, language, null, null);
  }

  /** The same, for a call in an experiment: its id and variant go to the bridge too. */
  public String connectStream(
      String websocketBase,
      String token,
      String caller,
      Language language,
      String experiment,
      String variant) {
    boolean arm = experiment != null && variant != null;
    String template =
        streams.computeIfAbsent(
            websocketBase + "\n" + (caller != null) + "\n" + language.code() + "\n" + arm,
            key ->
                renderConnectStream(
                    websocketBase,
                    TOKEN_STAND_IN,
                    caller == null ? null : CALLER_STAND_IN,
                    language,
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
  String renderConnectStream(
      String websocketBase,
      String token,
      String caller,
      Language language,
      String experiment,
      String variant) {
    Stream.Builder stream =
        new Stream.Builder()
            .url(websocketBase.replaceAll("/+$", "") + StreamContract.MEDIA_STREAM_PATH)
            .parameter(parameter(StreamContract.TOKEN_PARAMETER, token))
            .parameter(parameter(StreamContract.LANGUAGE_PARAMETER, language.code()));
    if (caller != null) {
      stream.parameter(parameter(StreamContract.CALLER_PARAMETER, caller));
    }
    if (experiment != null && variant != null) {
      stream
          .parameter(parameter(StreamContract.EXPERIMENT_PARAMETER, experiment))
          .parameter(parameter(StreamContract.VARIANT_PARAMETER, variant));
    }
    Connect connect =
        new Connect.Builder()
                .action(url(path("/api/voice/realtime/ended", language)))
                .method(HttpMethod.POST)
                .stream(stream.build())
                .build();
    return xml(new VoiceResponse.Builder().connect(connect));
  }

  private static Parameter parameter(String name, String value) {
    return new Parameter.Builder().name(name).value(value).build();
  }

  /**
   * A value for a double-quoted XML attribute, escaped as the JDK's serializer does, without the
   * characters XML cannot carry.
   */
  static String attribute(String raw) {
    String value = XmlChars.text(raw);
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

  public String sayThenRedirect(Language language, String text, String path) {
    return xml(new VoiceResponse.Builder().say(say(language, text)).redirect(redirectTo(path)));
  }

  public String sayThenHangUp(Language language, String text) {
    return xml(
        new VoiceResponse.Builder().say(say(language, text)).hangup(new Hangup.Builder().build()));
  }

  /** Option 2: ring the team; the outcome goes to the transfer status action. */
  public String dialTeam(Language language, String number, String callerId, String before) {
    Dial.Builder dial =
        new Dial.Builder()
            .timeout(config.transfer().ringSeconds())
            .action(url(path("/api/voice/transfer/status", language)))
            .method(HttpMethod.POST)
            .number(new Number.Builder(number).build());
    if (callerId != null) {
      dial.callerId(XmlChars.text(callerId));
    }
    return xml(
        new VoiceResponse.Builder()
            .say(
                say(
                    language,
                    (before == null ? "" : before + " ")
                        + texts.text(language, "transfer.connecting")))
            .dial(dial.build()));
  }

  /** Option 3: record a message; callbacks store it. */
  public String recordVoicemail(Language language, String before) {
    Record.Builder record =
        new Record.Builder()
            .maxLength(config.voicemail().maxLengthSeconds())
            .playBeep(true)
            .timeout(5)
            .finishOnKey("#")
            .action(url(path("/api/voice/voicemail/recorded", language)))
            .method(HttpMethod.POST)
            .recordingStatusCallback(url("/api/voice/voicemail/recording-status"))
            .recordingStatusCallbackMethod(HttpMethod.POST);
    if (config.voicemail().transcribe()) {
      record.transcribe(true).transcribeCallback(url("/api/voice/voicemail/transcription"));
    }
    String prompt = (before == null ? "" : before + " ") + texts.text(language, "voicemail.prompt");
    return xml(
        new VoiceResponse.Builder()
            .say(say(language, prompt))
            .record(record.build())
            .say(say(language, texts.text(language, "voicemail.none")))
            .hangup(new Hangup.Builder().build()));
  }

  /** Asks for keys: {@code numDigits} of them, or any number ended with {@code #} when null. */
  public String gatherKeys(Language language, String prompt, String actionPath, Integer numDigits) {
    Gather.Builder gather =
        new Gather.Builder()
            .inputs(Gather.Input.DTMF)
            .timeout(8)
            .actionOnEmptyResult(true)
            .action(url(actionPath))
            .method(HttpMethod.POST)
            .say(say(language, prompt));
    if (numDigits != null) {
      gather.numDigits(numDigits);
    } else {
      gather.finishOnKey("#");
    }
    return xml(new VoiceResponse.Builder().gather(gather.build()));
  }

  /** Asks for speech (keys still work, e.g. for a confirmation), with recognition hints. */
  public String gatherSpeech(Language language, String prompt, String actionPath, String hints) {
    return gatherSpeech(language, prompt, actionPath, hints, null);
  }

  /** Asks for speech or, when {@code numDigits} is given, that many keys. */
  public String gatherSpeech(
      Language language, String prompt, String actionPath, String hints, Integer numDigits) {
    Gather.Builder gather =
        new Gather.Builder()
            .inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
            // Twilio does not support speechTimeout="auto" with a speech model (warnings 13335
            // and 13327): a number of seconds of silence ends the caller's answer instead
            .speechTimeout(Integer.toString(config.speechTimeoutSeconds()))
            .speechModel("phone_call")
            .timeout(6)
            .option("language", locale(language))
            .actionOnEmptyResult(true)
            .action(url(actionPath))
            .method(HttpMethod.POST)
            .say(say(language, prompt));
    if (hints != null) {
      gather.hints(hints);
    }
    if (numDigits != null) {
      gather.numDigits(numDigits);
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

  static String xml(VoiceResponse.Builder response) {
    try {
      return response.build().toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("cannot build TwiML", e);
    }
  }
}
