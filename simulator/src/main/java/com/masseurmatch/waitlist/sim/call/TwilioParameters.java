package com.masseurmatch.waitlist.sim.call;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters Twilio sends with a call's webhooks, beside the TwiML verbs' own. */
final class TwilioParameters {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TwilioParameters() {}

  /** Sent with every webhook of an inbound call. */
  static Map<String, String> inboundCall(String from, String to) {
    Map<String, String> call = new LinkedHashMap<>();
    call.put("AccountSid", sid("AC"));
    call.put("CallSid", sid("CA"));
    call.put("From", from);
    call.put("Caller", from);
    call.put("To", to);
    call.put("Called", to);
    call.put("Direction", "inbound");
    call.put("ApiVersion", "2010-04-01");
    return call;
  }

  /** A Twilio resource id: the prefix and 32 hex digits. */
  static String sid(String prefix) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return prefix + HexFormat.of().formatHex(random);
  }

  /** The {@code <Dial>} action's parameters. */
  static Map<String, String> dialled(String status) {
    return Map.of(
        "DialCallStatus",
        status,
        "DialCallSid",
        sid("CA"),
        "DialCallDuration",
        status.equals("completed") ? "42" : "0");
  }

  /** A recording of {@code seconds}: what the {@code <Record>} action and callbacks carry. */
  static Map<String, String> recording(String accountSid, int seconds) {
    String recordingSid = sid("RE");
    return Map.of(
        "RecordingSid",
        recordingSid,
        "RecordingUrl",
        "https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid,
        "RecordingDuration",
        Integer.toString(seconds));
  }

  /** The recording status callback's own parameters. */
  static Map<String, String> recordingCompleted() {
    return Map.of(
        "RecordingStatus", "completed", "RecordingChannels", "1", "RecordingSource", "RecordVerb");
  }

  /** The transcription callback's own parameters. */
  static Map<String, String> transcribed() {
    return Map.of(
        "TranscriptionSid", sid("TR"),
        "TranscriptionStatus", "completed",
        "TranscriptionText", "Hi, this is a simulated voicemail.");
  }
}
