package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.experiment.RunningExperiments;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What the IVR says and does at each step of a call. Each method answers one webhook. */
@Singleton
public class VoiceFlow {

  private final IvrConfig config;
  private final Twiml twiml;
  private final CallLog calls;
  private final BridgeProbe bridge;
  private final StreamTokens tokens;
  private final VoicemailStore voicemails;
  private final BusinessHours hours;
  private final RunningExperiments experiments;
  private final String callerId;
  private final Clock clock;

  VoiceFlow(
      IvrConfig config,
      Twiml twiml,
      CallLog calls,
      BridgeProbe bridge,
      StreamTokens tokens,
      VoicemailStore voicemails,
      TwilioConfig twilio,
      RunningExperiments experiments,
      Clock clock) {
    this.config = config;
    this.twiml = twiml;
    this.calls = calls;
    this.bridge = bridge;
    this.tokens = tokens;
    this.voicemails = voicemails;
    this.callerId = twilio.phoneNumber().orElse(null);
    this.clock = clock;
    this.experiments = experiments;
    IvrConfig.Transfer transfer = config.transfer();
    this.hours =
        new BusinessHours(
            transfer.timeZone(), transfer.days(), transfer.opens(), transfer.closes());
  }

  /** {@code POST /api/voice}: a new call. */
  public String incoming(VoiceRequest call) {
    Log.infof("call %s: incoming from %s", call.callSid(), Masking.phone(call.from()));
    calls.started(call.callSid(), call.from());
    return twiml.menu(1, twiml.greeting());
  }

  /** {@code POST /api/voice/menu}: the caller's choice, or none. */
  public String menu(VoiceRequest call, int attempt) {
    MenuChoice choice = MenuChoice.of(call.get("Digits"), call.get("SpeechResult"));
    switch (choice) {
      case WAITLIST:
        return twiml.redirect("/api/voice/realtime");
      case TEAM:
        return twiml.redirect("/api/voice/transfer");
      case VOICEMAIL:
        return twiml.redirect("/api/voice/voicemail");
      default:
        break;
    }
    boolean heardSomething = call.get("Digits") != null || call.get("SpeechResult") != null;
    if (attempt < config.menu().attempts()) {
      String sorry =
          heardSomething ? "Sorry, that's not one of the options." : "Sorry, I didn't catch that.";
      return twiml.menu(attempt + 1, sorry);
    }
    if ("voicemail".equals(config.menu().whenExhausted())) {
      return twiml.sayThenRedirect("Let's take a message instead.", "/api/voice/voicemail");
    }
    calls.ended(call.callSid(), null, CallOutcome.ABANDONED);
    return twiml.sayThenHangUp(
        "Sorry we couldn't help this time. Please call again whenever you like. Goodbye.");
  }

  /**
   * {@code POST /api/voice/realtime}: stream to Knotty if the bridge is ready, else the fallback.
   * The bridge's readiness alone decides: it is the service that talks to the Realtime API and
   * reports a missing key itself; the IVR's own OpenAI key is only for the Chat fallback.
   */
  public String realtime(VoiceRequest call) {
    var websocket = config.realtime().websocketUrl();
    String unavailable =
        websocket.isEmpty()
            ? "REALTIME_WEBSOCKET_URL is not set"
            : !bridge.ready() ? "the bridge is not ready" : null;
    // the variant is the call's whichever assistant takes it: Knotty or the fallback
    var arm =
        experiments.assign(call.callSid(), call.from(), experiments.callLanguage()).orElse(null);
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
          arm == null ? null : arm.experiment().id().toString(),
          arm == null ? null : arm.variant().name());
    }
    Log.infof(
        "call %s: realtime unavailable (%s), using the fallback", call.callSid(), unavailable);
    return twiml.redirect(StreamContract.FALLBACK_PATH);
  }

  /**
   * {@code POST /api/voice/realtime/ended}: the stream is over; never leave the caller in silence.
   */
  public String realtimeEnded(VoiceRequest call, CallPathBudget budget) {
    boolean signedUp =
        calls
            .find(call.callSid(), budget)
            .map(CallRecord::outcome)
            .filter(outcome -> outcome == CallOutcome.SIGNED_UP)
            .isPresent();
    if (signedUp) {
      return twiml.sayThenHangUp(
          "You're on the " + config.brand() + " waitlist. Thanks for calling, goodbye!");
    }
    return toFallback();
  }

  /** The fallback assistant: option 1's answer whenever the bridge cannot take the call. */
  public String toFallback() {
    return twiml.redirect(StreamContract.FALLBACK_PATH);
  }

  /** {@code POST /api/voice/transfer}: ring the team when it is there. */
  public String transfer(VoiceRequest call) {
    calls.path(call.callSid(), CallPath.TRANSFER);
    var team = config.transfer().teamNumber().filter(n -> !n.isBlank());
    if (team.isEmpty()) {
      return toVoicemail("Our team can't take calls at the moment.");
    }
    if (!hours.isOpen(clock.instant())) {
      return toVoicemail("Our team is away right now.");
    }
    return twiml.dialTeam(team.get(), callerId);
  }

  /** {@code POST /api/voice/transfer/status}: how the dial went. */
  public String transferStatus(VoiceRequest call) {
    String status = call.get("DialCallStatus");
    if ("completed".equals(status) || "answered".equals(status)) {
      calls.ended(call.callSid(), CallPath.TRANSFER, CallOutcome.TRANSFERRED);
      return twiml.sayThenHangUp("Thanks for calling " + config.brand() + ". Goodbye.");
    }
    String reason =
        switch (status == null ? "" : status) {
          case "busy" -> "Our team is on other calls.";
          case "no-answer" -> "Our team couldn't get to the phone.";
          default -> "We couldn't reach our team.";
        };
    return toVoicemail(reason);
  }

  /** {@code POST /api/voice/voicemail}. */
  public String voicemail(VoiceRequest call) {
    calls.path(call.callSid(), CallPath.VOICEMAIL);
    return twiml.recordVoicemail(null);
  }

  /** {@code POST /api/voice/voicemail/recorded}: the {@code <Record>} action. */
  public String recorded(VoiceRequest call) {
    saveVoicemail(call, null);
    return recordedGoodbye(call);
  }

  /**
   * The goodbye after a message, also when saving it took too long: the recording is Twilio's, and
   * its status callback saves it again.
   */
  public String recordedGoodbye(VoiceRequest call) {
    calls.ended(call.callSid(), CallPath.VOICEMAIL, CallOutcome.VOICEMAIL);
    return twiml.sayThenHangUp("Thank you, we'll get back to you soon. Goodbye.");
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
      saveVoicemail(call, call.get("TranscriptionText"));
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

  private String toVoicemail(String reason) {
    return twiml.sayThenRedirect(reason + " Let's take a message instead.", "/api/voice/voicemail");
  }

  private static Integer seconds(String value) {
    try {
      return value == null ? null : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
