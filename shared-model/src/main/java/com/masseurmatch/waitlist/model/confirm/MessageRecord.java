package com.masseurmatch.waitlist.model.confirm;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One confirmation SMS or e-mail as the {@code messages} table holds it. */
public record MessageRecord(
    UUID id,
    String dedupeKey,
    UUID waitlistId,
    Channel channel,
    String purpose,
    String destination,
    String status,
    String providerId,
    String errorCode,
    String error,
    int attempts,
    Instant createdAt,
    Instant updatedAt) {

  /** An attempt is under way, or one ended without an answer (the process stopped). */
  public static final String SENDING = "sending";

  /** The last attempt failed in a way that may be retried. */
  public static final String RETRYING = "retrying";

  public static final String SENT = "sent";
  public static final String DELIVERED = "delivered";
  public static final String UNDELIVERED = "undelivered";
  public static final String FAILED = "failed";

  /** The channel has no provider settings: nothing was sent. */
  public static final String NOT_CONFIGURED = "not_configured";

  /** The destination opted out: nothing was sent. */
  public static final String OPTED_OUT = "opted_out";

  /** Not sent because it no longer applied (entry removed, destination changed, channel off). */
  public static final String SKIPPED = "skipped";

  private static final Set<String> OPEN = Set.of(SENDING, RETRYING);

  /** Whether this message still needs an attempt. */
  public boolean open() {
    return OPEN.contains(status);
  }
}
