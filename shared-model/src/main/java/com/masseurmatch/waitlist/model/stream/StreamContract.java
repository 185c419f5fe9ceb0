package com.masseurmatch.waitlist.model.stream;

/**
 * The contract between ivr-service and realtime-bridge for option 1: the IVR connects the call to
 * the bridge's Media Stream with these {@code <Parameter>}s, and the bridge sends a call it cannot
 * keep to the IVR's fallback path.
 */
public final class StreamContract {

  /** The bridge's WebSocket path for Twilio Media Streams. */
  public static final String MEDIA_STREAM_PATH = "/media-stream";

  /** Stream parameter: the signed stream token for the call SID. */
  public static final String TOKEN_PARAMETER = "token";

  /** Stream parameter: the caller's number, when known (E.164). */
  public static final String CALLER_PARAMETER = "caller";

  /** Stream parameter: the caller's language ({@code en}, {@code es}, {@code fr}). */
  public static final String LANGUAGE_PARAMETER = "language";

  /**
   * Query parameter of the IVR's voice webhooks that carries the caller's language through the call
   * (Twilio signs the full URL, so it comes back as sent).
   */
  public static final String LANGUAGE_QUERY = "lang";

  /** Stream parameter: the id of the experiment the call is in, when it is in one. */
  public static final String EXPERIMENT_PARAMETER = "experiment";

  /** Stream parameter: the call's variant of that experiment, whose settings Knotty uses. */
  public static final String VARIANT_PARAMETER = "variant";

  /** The IVR's fallback assistant, where the bridge redirects a live call. */
  public static final String FALLBACK_PATH = "/api/voice/ai-assistant";

  private StreamContract() {}
}
