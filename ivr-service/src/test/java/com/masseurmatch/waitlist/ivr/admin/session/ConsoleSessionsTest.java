package com.masseurmatch.waitlist.ivr.admin.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedBackend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed session cookies, CSRF tokens and the sign-in limit, without a server. */
class ConsoleSessionsTest {

  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private static final String TOKEN = "admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final MovableClock clock = new MovableClock();

  @TempDir Path dir;

  @Test
  void aCookieStandsForItsOperatorUntilItExpires() {
    ConsoleSessions sessions = sessions("admin-token-0123456789");
    ConsoleSessions.Issued issued = sessions.issue("Olive Ops");

    ConsoleSession session = sessions.verify(issued.cookieValue()).orElseThrow();
    assertEquals("Olive Ops", session.operator());
    assertEquals(issued.session().csrfToken(), session.csrfToken());

    clock.now = NOW.plus(Duration.ofHours(8));
    assertTrue(sessions.verify(issued.cookieValue()).isEmpty());
  }

  @Test
  void aChangedNameExpiryOrTokenBreaksTheSignature() {
    ConsoleSessions sessions = sessions("admin-token-0123456789");
    String[] parts = sessions.issue("Olive").cookieValue().split("\\.");

    assertTrue(sessions.verify("Um9vdA." + parts[1] + "." + parts[2] + "." + parts[3]).isEmpty());
    assertTrue(sessions.verify(parts[0] + ".99999999999." + parts[2] + "." + parts[3]).isEmpty());
    assertTrue(sessions.verify("nonsense").isEmpty());
    assertTrue(
        sessions("another-admin-token-99").verify(String.join(".", parts)).isEmpty(),
        "changing ADMIN_TOKEN signs everyone out");
  }

  @Test
  void eachSessionHasItsOwnCsrfTokenAndSigningOutRevokesIt() {
    ConsoleSessions sessions = sessions("admin-token-0123456789");
    ConsoleSessions.Issued one = sessions.issue("Olive");
    ConsoleSessions.Issued two = sessions.issue("Olive");

    assertNotEquals(one.session().csrfToken(), two.session().csrfToken());
    assertFalse(ConsoleSessions.csrfMatches(one.session(), two.session().csrfToken()));
    assertFalse(ConsoleSessions.csrfMatches(one.session(), null));
    assertTrue(ConsoleSessions.csrfMatches(one.session(), one.session().csrfToken()));

    sessions.revoke(one.session());
    assertTrue(sessions.verify(one.cookieValue()).isEmpty());
    assertTrue(sessions.verify(two.cookieValue()).isPresent());
  }

  @Test
  void aSessionAndItsSignOutHoldOnEveryInstanceSharingTheDatabase() {
    ConsoleSessions first =
        new ConsoleSessions(config(TOKEN), clock, data(new EmbeddedBackend(dir, JSON, clock)));
    ConsoleSessions second =
        new ConsoleSessions(config(TOKEN), clock, data(new EmbeddedBackend(dir, JSON, clock)));
    ConsoleSessions.Issued issued = first.issue("Olive");
    ConsoleSessions.Issued other = first.issue("Olive");

    assertEquals("Olive", second.verify(issued.cookieValue()).orElseThrow().operator());
    second.revoke(second.verify(issued.cookieValue()).orElseThrow());

    assertTrue(first.verify(issued.cookieValue()).isEmpty(), "signed out on the other instance");
    assertTrue(second.verify(issued.cookieValue()).isEmpty());
    assertTrue(first.verify(other.cookieValue()).isPresent(), "another sign-in stays");
  }

  @Test
  void failedSignInsPastTheLimitWaitForTheWindowToEnd() {
    LoginThrottle throttle = new LoginThrottle(config("admin-token-0123456789"));
    long t = 0;
    for (int i = 0; i < 5; i++) {
      assertEquals(0, throttle.retryAfter("10.0.0.1", t));
      throttle.failed("10.0.0.1", t);
    }
    assertEquals(900, throttle.retryAfter("10.0.0.1", t));
    assertEquals(0, throttle.retryAfter("10.0.0.2", t), "another client is not affected");
    assertEquals(0, throttle.retryAfter("10.0.0.1", Duration.ofMinutes(15).toNanos()));
  }

  private ConsoleSessions sessions(String token) {
    return new ConsoleSessions(config(token), clock, data(new EmbeddedBackend(dir, JSON, clock)));
  }

  private static ConsoleData data(EmbeddedBackend backend) {
    return new ConsoleData(backend.console(), backend.calls(), backend.jobs());
  }

  private static AdminConfig config(String token) {
    return new AdminConfig() {
      @Override
      public Optional<String> token() {
        return Optional.of(token);
      }

      @Override
      public Console console() {
        return new Console() {
          @Override
          public Duration sessionDuration() {
            return Duration.ofHours(8);
          }

          @Override
          public int loginAttempts() {
            return 5;
          }

          @Override
          public Duration loginWindow() {
            return Duration.ofMinutes(15);
          }

          @Override
          public BigDecimal estimatePerThreeMinuteCall() {
            return new BigDecimal("0.93");
          }

          @Override
          public int analyticsDays() {
            return 90;
          }

          @Override
          public Duration recordingTimeout() {
            return Duration.ofSeconds(10);
          }
        };
      }
    };
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
