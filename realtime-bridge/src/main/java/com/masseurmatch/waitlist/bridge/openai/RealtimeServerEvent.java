package com.masseurmatch.waitlist.bridge.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One OpenAI Realtime (GA) server event, decoded by {@link RealtimeCodec}. */
public sealed interface RealtimeServerEvent {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SessionCreated(Session session) implements RealtimeServerEvent {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SessionUpdated(Session session) implements RealtimeServerEvent {}

  /** The session in effect; the bridge reads only what it checks. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Session(String id, String model, Audio audio) {

    /** Whether both the caller's and Knotty's audio are G.711 u-law, as Twilio carries it. */
    public boolean pcmuBothWays() {
      return audio != null
          && AudioConfig.PCMU.equals(AudioConfig.formatOf(audio.input()))
          && AudioConfig.PCMU.equals(AudioConfig.formatOf(audio.output()));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Audio(AudioConfig input, AudioConfig output) {}

  /** One direction's audio settings; only the format is read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AudioConfig(AudioFormat format) {
    static final String PCMU = "audio/pcmu";

    static String formatOf(AudioConfig config) {
      return config == null || config.format() == null ? null : config.format().type();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AudioFormat(String type) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ResponseCreated(Response response) implements RealtimeServerEvent {}

  /** A piece of Knotty's speech: base64 u-law, forwarded to Twilio untouched. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AudioDelta(
      @JsonProperty("response_id") String responseId,
      @JsonProperty("item_id") String itemId,
      String delta)
      implements RealtimeServerEvent {}

  /** An item's audio is complete. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AudioDone(
      @JsonProperty("response_id") String responseId, @JsonProperty("item_id") String itemId)
      implements RealtimeServerEvent {}

  /** What Knotty said in one reply. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AudioTranscriptDone(@JsonProperty("item_id") String itemId, String transcript)
      implements RealtimeServerEvent {}

  /** What the caller said in one turn. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InputTranscriptionCompleted(
      @JsonProperty("item_id") String itemId, String transcript, Map<String, Object> usage)
      implements RealtimeServerEvent {}

  /** The caller started speaking (server VAD): the barge-in signal. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SpeechStarted(
      @JsonProperty("audio_start_ms") long audioStartMs, @JsonProperty("item_id") String itemId)
      implements RealtimeServerEvent {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SpeechStopped(
      @JsonProperty("audio_end_ms") long audioEndMs, @JsonProperty("item_id") String itemId)
      implements RealtimeServerEvent {}

  /** An output item is complete; for a {@code function_call} its arguments are final. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OutputItemDone(@JsonProperty("response_id") String responseId, Item item)
      implements RealtimeServerEvent {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Item(
      String id,
      String type,
      String status,
      String name,
      @JsonProperty("call_id") String callId,
      String arguments) {

    public boolean isFunctionCall() {
      return "function_call".equals(type);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ResponseDone(Response response) implements RealtimeServerEvent {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Response(String id, String status, Usage usage) {}

  /** Token counts of one response. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Usage(
      @JsonProperty("total_tokens") long totalTokens,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("input_token_details") InputDetails inputTokenDetails,
      @JsonProperty("output_token_details") OutputDetails outputTokenDetails) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record InputDetails(
      @JsonProperty("text_tokens") long textTokens,
      @JsonProperty("audio_tokens") long audioTokens,
      @JsonProperty("cached_tokens") long cachedTokens,
      @JsonProperty("cached_tokens_details") CachedDetails cachedTokensDetails) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CachedDetails(
      @JsonProperty("text_tokens") long textTokens,
      @JsonProperty("audio_tokens") long audioTokens) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OutputDetails(
      @JsonProperty("text_tokens") long textTokens,
      @JsonProperty("audio_tokens") long audioTokens) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Error(ErrorBody error) implements RealtimeServerEvent {}

  /** {@code eventId} names the client event that caused the error, when one did. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ErrorBody(
      String type,
      String code,
      String message,
      String param,
      @JsonProperty("event_id") String eventId) {}

  /** A known event the bridge does not act on (deltas of transcripts, rate limits, ...). */
  record Ignored(String type) implements RealtimeServerEvent {}

  /** An event type this bridge does not know; counted. */
  record Unknown(String type) implements RealtimeServerEvent {}
}
