package com.masseurmatch.waitlist.model.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code calls}. Every field but {@code callSid} may be {@code null}: an upsert only
 * writes the fields that are set, so each part of the system can record what it knows.
 *
 * @param usage token counts by kind, summed over the call (e.g. {@code input_audio_tokens})
 * @param collected signup fields gathered so far ({@code full_name}, {@code phone}, {@code email},
 *     {@code role}), normalised, so that another path can continue or an operator follow up
 * @param assistantState the fallback assistant's conversation state between two webhooks
 * @param language the caller's language ({@code en}, {@code es}, {@code fr})
 * @param experimentId the experiment the call took part in, if any
 * @param variant the experiment's variant the call had
 * @param chatUsage the fallback assistant's Chat Completions tokens ({@code prompt_tokens}, ...)
 * @param chatCostUsd their cost; {@code costUsd} is the Realtime session's
 */
public record CallRecord(
    String callSid,
    String fromNumber,
    Instant startedAt,
    Instant endedAt,
    CallPath path,
    CallOutcome outcome,
    UUID waitlistId,
    List<TranscriptTurn> transcript,
    Map<String, Long> usage,
    BigDecimal costUsd,
    Map<String, String> collected,
    Map<String, Object> assistantState,
    String language,
    UUID experimentId,
    String variant,
    Map<String, Long> chatUsage,
    BigDecimal chatCostUsd) {

  /** A record holding only the call SID, to build on with the {@code with...} methods. */
  public static CallRecord of(String callSid) {
    return new CallRecord(
        callSid, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  public CallRecord withFrom(String from) {
    return new Builder(this).from(from).build();
  }

  public CallRecord withStartedAt(Instant at) {
    return new Builder(this).startedAt(at).build();
  }

  public CallRecord withEndedAt(Instant at) {
    return new Builder(this).endedAt(at).build();
  }

  public CallRecord withPath(CallPath newPath) {
    return new Builder(this).path(newPath).build();
  }

  public CallRecord withOutcome(CallOutcome newOutcome) {
    return new Builder(this).outcome(newOutcome).build();
  }

  public CallRecord withWaitlistId(UUID id) {
    return new Builder(this).waitlistId(id).build();
  }

  public CallRecord withTranscript(List<TranscriptTurn> turns) {
    return new Builder(this).transcript(turns).build();
  }

  public CallRecord withUsage(Map<String, Long> tokens, BigDecimal cost) {
    return new Builder(this).usage(tokens).costUsd(cost).build();
  }

  public CallRecord withCollected(Map<String, String> fields) {
    return new Builder(this).collected(fields).build();
  }

  public CallRecord withAssistantState(Map<String, Object> state) {
    return new Builder(this).assistantState(state).build();
  }

  public CallRecord withLanguage(String code) {
    return new Builder(this).language(code).build();
  }

  /** The experiment's arm the call is in. */
  public CallRecord withVariant(UUID experiment, String name) {
    Builder b = new Builder(this);
    b.experimentId = experiment;
    b.variant = name;
    return b.build();
  }

  /** The fallback assistant's Chat Completions usage and its cost. */
  public CallRecord withChatUsage(Map<String, Long> tokens, BigDecimal cost) {
    Builder b = new Builder(this);
    b.chatUsage = tokens;
    b.chatCostUsd = cost;
    return b.build();
  }

  /** Copies a record with some fields replaced. */
  private static final class Builder {
    private String callSid;
    private String fromNumber;
    private Instant startedAt;
    private Instant endedAt;
    private CallPath path;
    private CallOutcome outcome;
    private UUID waitlistId;
    private List<TranscriptTurn> transcript;
    private Map<String, Long> usage;
    private BigDecimal costUsd;
    private Map<String, String> collected;
    private Map<String, Object> assistantState;
    private String language;
    private UUID experimentId;
    private String variant;
    private Map<String, Long> chatUsage;
    private BigDecimal chatCostUsd;

    Builder(CallRecord r) {
      callSid = r.callSid;
      fromNumber = r.fromNumber;
      startedAt = r.startedAt;
      endedAt = r.endedAt;
      path = r.path;
      outcome = r.outcome;
      waitlistId = r.waitlistId;
      transcript = r.transcript;
      usage = r.usage;
      costUsd = r.costUsd;
      collected = r.collected;
      assistantState = r.assistantState;
      language = r.language;
      experimentId = r.experimentId;
      variant = r.variant;
      chatUsage = r.chatUsage;
      chatCostUsd = r.chatCostUsd;
    }

    Builder from(String value) {
      fromNumber = value;
      return this;
    }

    Builder startedAt(Instant value) {
      startedAt = value;
      return this;
    }

    Builder endedAt(Instant value) {
      endedAt = value;
      return this;
    }

    Builder path(CallPath value) {
      path = value;
      return this;
    }

    Builder outcome(CallOutcome value) {
      outcome = value;
      return this;
    }

    Builder waitlistId(UUID value) {
      waitlistId = value;
      return this;
    }

    Builder transcript(List<TranscriptTurn> value) {
      transcript = value;
      return this;
    }

    Builder usage(Map<String, Long> value) {
      usage = value;
      return this;
    }

    Builder costUsd(BigDecimal value) {
      costUsd = value;
      return this;
    }

    Builder collected(Map<String, String> value) {
      collected = value;
      return this;
    }

    Builder assistantState(Map<String, Object> value) {
      assistantState = value;
      return this;
    }

    Builder language(String value) {
      language = value;
      return this;
    }

    CallRecord build() {
      return new CallRecord(
          callSid,
          fromNumber,
          startedAt,
          endedAt,
          path,
          outcome,
          waitlistId,
          transcript,
          usage,
          costUsd,
          collected,
          assistantState,
          language,
          experimentId,
          variant,
          chatUsage,
          chatCostUsd);
    }
  }
}
