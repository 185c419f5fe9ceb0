package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.experiment.RunningExperiments;
import com.masseurmatch.waitlist.ivr.recording.ConsentFlow;
import com.masseurmatch.waitlist.ivr.text.CallLanguages;
import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.validation.UnsafeCharacters;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * What the IVR says and does at each step of a call, in the call's language. Each method answers
 * one webhook; {@code lang} is the language the webhook's URL carried, if any.
 */
@Singleton
public class VoiceFlow {

  private final IvrConfig config;
  private final Twiml twiml;
  private final MenuTwiml menus;
  private final CallLog calls;
  private final BridgeProbe bridge;
  private final StreamTokens tokens;
  private final VoicemailStore voicemails;
  private final BusinessHours hours;
  private final RunningExperiments experiments;
  private final String callerId;
  private final Clock clock;
  private final CallLanguages languages;
  private final VoiceTexts texts;
  private final ConsentFlow consent;

  VoiceFlow(
      IvrConfig config,
      Twiml twiml,
      MenuTwiml menus,
      CallLog calls,
      BridgeProbe bridge,
      StreamTokens tokens,
      VoicemailStore voicemails,
      TwilioConfig twilio,
      RunningExperiments experiments,
      Clock clock,
      CallLanguages languages,
      VoiceTexts texts,
      ConsentFlow consent) {
    this.config = config;
    this.twiml = twiml;
    this.menus = menus;
    this.calls = calls;
    this.bridge = bridge;
    this.tokens = tokens;
    this.voicemails = voicemails;
    this.callerId = twilio.phoneNumber().orElse(null);
    this.clock = clock;
    this.experiments = experiments;
    this.languages = languages;
    this.texts = texts;
    this.consent = consent;
    IvrConfig.Transfer transfer = config.transfer();
    this.hours =
        new BusinessHours(
            transfer.timeZone(), transfer.days(), transfer.opens(), transfer.closes());
  }

  /** {@code POST /api/voice}: a new call. */
  /** The call's language: the one its webhook carried, else the dialled number's or default. */
  public Language language(VoiceRequest call, String lang) {
    return languages.of(lang, call.get("To"));
  }

  public String incoming(VoiceRequest call, String lang) {
    Log.infof("call %s: incoming from %s", call.callSid(), Masking.phone(call.from()));
    Language language = language(call, lang);
    calls.started(call.callSid(), call.from(), language.code());
    return menus.menu(language, 1, menus.greeting(language));
  }

  /** {@code POST /api/voice/menu}: the caller's choice, a language, or none. */
  public String menu(VoiceRequest call, int attempt, String lang) {
    Language language = language(call, lang);
    String digits = call.get("Digits");
    String speech = call.get("SpeechResult");
    var other = languages.switchTo(language, digits, speech);
    if (other.isPresent()) {
      Log.infof("call %s: language %s", call.callSid(), other.get().code());
      calls.language(call.callSid(), other.get().code());
      return menus.menu(other.get(), 1, menus.greeting(other.get()));
    }
    MenuChoice choice = MenuChoice.of(digits, speech);
    switch (choice) {
      case WAITLIST:
        return twiml.redirect(Twiml.path(consent.optionOnePath(), language));
      case TEAM:
        return twiml.redirect(Twiml.path("/api/voice/transfer", language));
      case VOICEMAIL:
        return twiml.redirect(Twiml.path("/api/voice/voicemail", language));
      default:
        break;
    }
    boolean heardSomething = digits != null || speech != null;
    if (attempt < config.menu().attempts()) {
      String sorry = texts.text(language, heardSomething ? "menu.not-an-option" : "menu.not-heard");
      return menus.menu(language, attempt + 1, sorry);
    }
    if ("voicemail".equals(config.menu().whenExhausted())) {
      return twiml.sayThenRedirect(
          language,
          texts.text(language, "voicemail.instead"),
          Twiml.path("/api/voice/voicemail", language));
    }
    calls.ended(call.callSid(), null, CallOutcome.ABANDONED);
    return twiml.sayThenHangUp(language, texts.text(language, "menu.goodbye"));
  }

  /**
   * {@code POST /api/voice/realtime}: stream to Knotty if the bridge is ready, else the fallback.
   * The bridge's readiness alone decides: it is the service that talks to the Realtime API and
   * reports a missing key itself; the IVR's own OpenAI key is only for the Chat fallback.
   */
  public String realtime(VoiceRequest call, String lang) {
    Language language = language(call, lang);
    var websocket = config.realtime().websocketUrl();
    String unavailable =
        websocket.isEmpty()
            ? "REALTIME_WEBSOCKET_URL is not set"
            : !bridge.ready() ? "the bridge is not ready" : null;
    // the variant is the call's whichever assistant takes it: Knotty or the fallback
    var arm = experiments.assign(call.callSid(), call.from(), language.code()).orElse(null);
    if (arm != null) {
      calls.write(
          CallRecord.of(call.callSid()).withVariant(arm.experiment().id(), arm.variant().name()));
    }
    if (unavailable == null) {
      calls.path(call.callSid(), CallPath.REALTIME);
      return twiml.connectStream(
          websocket.get().toString(),
          tokens.issue(call.callSid()),
          call.from(),
          language,
          arm == null ? null : arm.experiment().id().toString(),
          arm == null ? null : arm.variant().name());
    }
    Log.infof(
        "call %s: realtime unavailable (%s), using the fallback", call.callSid(), unavailable);
    return toFallback(language);
  }

  /**
   * {@code POST /api/voice/realtime/ended}: the stream is over; never leave the caller in silence.
   */
  public String realtimeEnded(VoiceRequest call, CallPathBudget budget, String lang) {
    Language language = language(call, lang);
    boolean signedUp =
        calls
            .find(call.callSid(), budget)
            .map(CallRecord::outcome)
            .filter(outcome -> outcome == CallOutcome.SIGNED_UP)
            .isPresent();
    if (signedUp) {
      return twiml.sayThenHangUp(language, texts.text(language, "realtime.signed-up"));
    }
    return toFallback(language);
  }

  /** The fallback assistant: option 1's answer whenever the bridge cannot take the call. */
  public String toFallback(Language language) {
    return twiml.redirect(Twiml.path(StreamContract.FALLBACK_PATH, language));
  }

  /**
   * {@code POST /api/voice/transfer}: ring the team when it is there; the language's own team
   * number when one is set, else the general one after telling the caller the team speaks English.
   */
  public String transfer(VoiceRequest call, String lang) {
    Language language = language(call, lang);
    calls.path(call.callSid(), CallPath.TRANSFER);
    var own = languages.spoken(language).teamNumber().filter(n -> !n.isBlank());
    var team = own.or(() -> config.transfer().teamNumber().filter(n -> !n.isBlank()));
    if (team.isEmpty()) {
      return toVoicemail(language, texts.text(language, "transfer.unavailable"));
    }
    if (!hours.isOpen(clock.instant())) {
      return toVoicemail(language, texts.text(language, "transfer.away"));
    }
    String before =
        own.isEmpty() && language != Language.EN
            ? texts.text(language, "transfer.english-only")
            : null;
    return twiml.dialTeam(language, team.get(), callerId, before);
  }

  /** {@code POST /api/voice/transfer/status}: how the dial went. */
  public String transferStatus(VoiceRequest call, String lang) {
    Language language = language(call, lang);
    String status = call.get("DialCallStatus");
    if ("completed".equals(status) || "answered".equals(status)) {
      calls.ended(call.callSid(), CallPath.TRANSFER, CallOutcome.TRANSFERRED);
      return twiml.sayThenHangUp(language, texts.text(language, "transfer.thanks"));
    }
    String reason =
        switch (status == null ? "" : status) {
          case "busy" -> "transfer.busy";
          case "no-answer" -> "transfer.no-answer";
          default -> "transfer.failed";
        };
    return toVoicemail(language, texts.text(language, reason));
  }

  /** {@code POST /api/voice/voicemail}. */
  public String voicemail(VoiceRequest call, String lang) {
    calls.path(call.callSid(), CallPath.VOICEMAIL);
    return twiml.recordVoicemail(language(call, lang), null);
  }

  /** {@code POST /api/voice/voicemail/recorded}: the {@code <Record>} action. */
  public String recorded(VoiceRequest call, String lang) {
    saveVoicemail(call, null);
    return recordedGoodbye(call, lang);
  }

  /**
   * The goodbye after a message, also when saving it took too long: the recording is Twilio's, and
   * its status callback saves it again.
   */
  public String recordedGoodbye(VoiceRequest call, String lang) {
    Language language = language(call, lang);
    calls.ended(call.callSid(), CallPath.VOICEMAIL, CallOutcome.VOICEMAIL);
    return twiml.sayThenHangUp(language, texts.text(language, "voicemail.thanks"));
  }

  /** {@code POST /api/voice/voicemail/recording-status}. */
  public String recordingStatus(VoiceRequest call) {
    if ("completed".equals(call.get("RecordingStatus"))) {
      saveVoicemail(call, null);
    }
    return empty();
  }

  /** {@code POST /api/voice/voicemail/transcription}. */
  public String transcription(VoiceRequest call) {
    if ("completed".equals(call.get("TranscriptionStatus"))) {
      // no NUL or other control characters in the stored text (PostgreSQL refuses NUL outright)
      saveVoicemail(call, UnsafeCharacters.strip(call.get("TranscriptionText")));
    }
    return empty();
  }

  /** The answer to a status callback, which Twilio ignores. */
  public String empty() {
    return twiml.empty();
  }

  private void saveVoicemail(VoiceRequest call, String transcription) {
    String recordingSid = call.get("RecordingSid");
    if (recordingSid == null) {
      return;
    }
    voicemails.upsert(
        new Voicemail(
            null,
            call.callSid(),
            call.from(),
            recordingSid,
            call.get("RecordingUrl"),
            seconds(call.get("RecordingDuration")),
            transcription,
            null));
  }

  private String toVoicemail(Language language, String reason) {
    return twiml.sayThenRedirect(
        language,
        reason + " " + texts.text(language, "voicemail.instead"),
        Twiml.path("/api/voice/voicemail", language));
  }

  private static Integer seconds(String value) {
    try {
      return value == null ? null : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
