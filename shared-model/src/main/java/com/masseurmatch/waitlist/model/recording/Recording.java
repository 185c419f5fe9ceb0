package com.masseurmatch.waitlist.model.recording;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code recordings}: a recording Twilio holds for us, with the consent it was made
 * under. {@code recordingSid} is null until Twilio has answered the request to record.
 *
 * @param kind {@code call} (recorded with consent) or {@code voicemail}
 * @param status {@code requested}, Twilio's {@code in-progress}, {@code completed}, {@code absent},
 *     {@code failed}..., or {@code deleting} once retention or erasure has claimed it
 * @param consentMethod {@code key}, {@code speech}, {@code announcement} or {@code voicemail}
 */
public record Recording(
    UUID id,
    String recordingSid,
    String callSid,
    String kind,
    String status,
    Integer channels,
    Integer durationS,
    Instant consentAt,
    String consentMethod,
    String error,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DELETING = "deleting";

  /** Whether an operator can listen to it. */
  public boolean playable() {
    return recordingSid != null && "completed".equals(status);
  }
}
