package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.recording.Consent;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.store.StoreException;
import com.masseurmatch.waitlist.model.text.Language;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Redirect;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The recording question before the AI or fallback path ({@code RECORDING_MODE} {@code ask} or
 * {@code announce}), and what follows the answer: with consent, the call is recorded through
 * Twilio's REST API and the consent kept as its proof; without, nothing is recorded. Either way the
 * caller goes on to option 1.
 */
@Singleton
public class ConsentFlow {

  /** The question's webhook. */
  public static final String CONSENT_PATH = "/api/voice/recording/consent";

  /** Where the caller goes once they have answered: option 1. */
  static final String NEXT_PATH = "/api/voice/realtime";

  private final RecordingConfig config;
  private final CallLanguages languages;
  private final Twiml twiml;
  private final VoiceTexts texts;
  private final RecordingStore store;
  private final TwilioRecordings twilio;
  private final Clock clock;

  ConsentFlow(
      RecordingConfig config,
      CallLanguages languages,
      Twiml twiml,
      VoiceTexts texts,
      RecordingStore store,
      TwilioRecordings twilio,
      Clock clock) {
    this.config = config;
    this.languages = languages;
    this.twiml = twiml;
    this.texts = texts;
    this.store = store;
    this.twilio = twilio;
    this.clock = clock;
  }

  /** Where menu option 1 leads: the question first when calls may be recorded. */
  public String optionOnePath() {
    return config.mode() == RecordingMode.OFF ? NEXT_PATH : CONSENT_PATH;
  }

  /** The call's language, as the webhook carried it ({@code lang}) or the dialled number's. */
  public Language language(VoiceRequest call, String lang) {
    return languages.of(lang, call.get("To"));
  }

  /** {@code POST /api/voice/recording/consent}: the question (or the announcement). */
  public String ask(Language language) {
    if (config.mode() == RecordingMode.OFF) {
      return twiml.redirect(Twiml.path(NEXT_PATH, language));
    }
    String prompt =
        texts.text(
            language, config.mode() == RecordingMode.ASK ? "recording.ask" : "recording.announce");
    Gather gather =
        new Gather.Builder()
            .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
            .numDigits(1)
            .timeout(config.consentTimeoutSeconds())
            .speechTimeout("auto")
            .hints("yes, no")
            .option("language", languages.spoken(language).locale())
            .actionOnEmptyResult(true)
            .action(twiml.url(Twiml.path(CONSENT_PATH + "/answer", language)))
            .method(HttpMethod.POST)
            .say(twiml.say(language, prompt))
            .build();
    return xml(new VoiceResponse.Builder().gather(gather));
  }

  /** {@code POST /api/voice/recording/consent/answer}: records the decision, then option 1. */
  public String answer(VoiceRequest call, Language language) {
    Consent consent = decide(call);
    String callSid = call.callSid();
    try {
      store.consent(callSid, consent);
    } catch (StoreException e) {
      // without its proof, a recording must not start
      Log.warnf(
          "call %s: cannot keep the recording consent, not recording: %s", callSid, e.getMessage());
      return thenOptionOne(Consent.NO_ANSWER, language);
    }
    Log.infof("call %s: recording consent %s (%s)", callSid, consent.decision(), consent.method());
    if (consent.given()) {
      start(callSid, consent);
    }
    return thenOptionOne(consent.decision(), language);
  }

  /** The answer when the decision could not be handled in time: option 1, not recorded. */
  public String withoutRecording(Language language) {
    return twiml.redirect(Twiml.path(NEXT_PATH, language));
  }

  private Consent decide(VoiceRequest call) {
    String digits = call.get("Digits");
    ConsentChoice choice = ConsentChoice.of(digits, call.get("SpeechResult"));
    String method = digits != null ? "key" : "speech";
    if (choice == ConsentChoice.YES) {
      return new Consent(Consent.GIVEN, method, clock.instant());
    }
    if (choice == ConsentChoice.NO) {
      return new Consent(Consent.DECLINED, method, clock.instant());
    }
    if (config.mode() == RecordingMode.ANNOUNCE
        && digits == null
        && call.get("SpeechResult") == null) {
      // told, and did not decline
      return new Consent(Consent.GIVEN, "announcement", clock.instant());
    }
    return new Consent(Consent.NO_ANSWER, null, clock.instant());
  }

  private void start(String callSid, Consent consent) {
    UUID id = store.requested(callSid, consent);
    try {
      TwilioRecordings.Started started = twilio.start(callSid);
      store.started(id, started.sid(), started.status(), started.channels());
      Log.infof("call %s: recording %s started", callSid, started.sid());
    } catch (TwilioRecordings.TwilioRecordingException e) {
      store.startFailed(id, e.getMessage());
      Log.warnf("call %s: recording could not start: %s", callSid, e.getMessage());
    }
  }

  private String thenOptionOne(String decision, Language language) {
    String key =
        switch (decision) {
          case Consent.GIVEN -> "recording.given";
          case Consent.DECLINED -> "recording.declined";
          default -> "recording.no-answer";
        };
    return xml(
        new VoiceResponse.Builder()
            .say(twiml.say(language, texts.text(language, key)))
            .redirect(
                new Redirect.Builder(twiml.url(Twiml.path(NEXT_PATH, language)))
                    .method(HttpMethod.POST)
                    .build()));
  }

  private static String xml(VoiceResponse.Builder response) {
    try {
      return response.build().toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("cannot build TwiML", e);
    }
  }
}
