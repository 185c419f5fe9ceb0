package com.masseurmatch.waitlist.bridge.twilio;

import java.util.Map;

/** One Media Streams message from Twilio, decoded by {@link TwilioCodec}. */
public sealed interface TwilioMessage {

  /** First frame of every stream. */
  record Connected(String protocol, String version) implements TwilioMessage {}

  /**
   * The stream's identity, the {@code <Parameter>}s the IVR attached and the audio's format (0 for
   * a rate or channel count Twilio did not send).
   */
  record Start(
      String streamSid,
      String accountSid,
      String callSid,
      Map<String, String> customParameters,
      String encoding,
      int sampleRate,
      int channels)
      implements TwilioMessage {

    /** The only audio the bridge handles: u-law, 8 kHz, one channel. */
    public boolean telephoneAudio() {
      return "audio/x-mulaw".equals(encoding) && sampleRate == 8000 && channels == 1;
    }
  }

  /**
   * 20 ms of caller audio: base64 u-law, kept as text and forwarded untouched.
   *
   * @param timestampMs milliseconds since the stream started: the call's clock
   */
  record Media(long timestampMs, String payload) implements TwilioMessage {}

  /** A keypad press. */
  record Dtmf(String digit) implements TwilioMessage {}

  /** Twilio finished playing everything sent before the mark of this name. */
  record Mark(String name) implements TwilioMessage {}

  /** The stream ended: the caller hung up or the call was redirected. */
  record Stop(String callSid) implements TwilioMessage {}

  /** An event this bridge does not know; counted and ignored. */
  record Unknown(String event) implements TwilioMessage {}
}
