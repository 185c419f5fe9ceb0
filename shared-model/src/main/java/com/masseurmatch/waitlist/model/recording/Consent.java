package com.masseurmatch.waitlist.model.recording;

import java.time.Instant;

/**
 * A caller's answer to the recording question: {@code given}, {@code declined} or {@code
 * no_answer}, how it was given ({@code key}, {@code speech}, {@code announcement}; null without an
 * answer), and when.
 */
public record Consent(String decision, String method, Instant at) {

  public static final String GIVEN = "given";
  public static final String DECLINED = "declined";
  public static final String NO_ANSWER = "no_answer";

  public boolean given() {
    return GIVEN.equals(decision);
  }
}
