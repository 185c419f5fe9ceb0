package com.masseurmatch.waitlist.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token has one spelling: other spellings of the same expiry are refused. */
class StrictTokenFormatTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final String CALL = "CA33333333333333333333333333333333";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"+%s", "0%s", "%s ", " %s", "%s=", "%s\n"})
  void otherSpellingsOfAValidTokenAreMalformed(String spelling) {
    StreamTokens tokens =
        new StreamTokens(SECRET, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
    String token = tokens.issue(CALL);
    assertEquals(TokenCheck.VALID, tokens.verify(token, CALL));
    assertEquals(TokenCheck.MALFORMED, tokens.verify(String.format(spelling, token), CALL));
  }
}
