package com.masseurmatch.waitlist.ivr.admin;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console shows times, money and lengths (UTC, US dollars, minutes:seconds). */
@TemplateExtension(namespace = "fmt")
public final class ConsoleFormats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private ConsoleFormats() {}

  /** {@code 2026-12-06 14:03 UTC}, or a dash. */
  public static String shown(Instant at) {
    return at == null ? "—" : WHEN.format(at);
  }

  /** {@code 14:03:27}, or a dash. */
  public static String clock(Instant at) {
    return at == null ? "—" : SECONDS.format(at);
  }

  /** {@code $1.23}; amounts under a cent keep four decimals; a dash when unknown. */
  public static String usd(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    int scale = amount.abs().compareTo(new BigDecimal("0.01")) < 0 && amount.signum() != 0 ? 4 : 2;
    return "$" + amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** {@code 1:35}, or a dash. */
  public static String length(Double seconds) {
    return seconds == null ? "—" : minutes(Math.round(seconds));
  }

  /** A call's length from start to end, or a dash while it has not ended. */
  public static String between(Instant start, Instant end) {
    if (start == null || end == null || end.isBefore(start)) {
      return "—";
    }
    return minutes(Duration.between(start, end).toSeconds());
  }

  /** {@code 1:35} for 95 seconds. */
  public static String minutes(long seconds) {
    return seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }

  /** {@code 42%} of a part in a whole, or a dash when the whole is zero. */
  public static String percent(long part, long whole) {
    return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
  }
}
