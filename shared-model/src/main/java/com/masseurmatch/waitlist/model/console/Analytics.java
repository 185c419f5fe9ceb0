package com.masseurmatch.waitlist.model.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Calls over a period: per UTC day, per hour of the week, the funnel, per path, per month and per
 * language.
 */
public record Analytics(
    List<Day> byDay,
    List<HourOfWeek> hourOfWeek,
    Funnel funnel,
    List<PathConversion> byPath,
    List<Month> monthly,
    List<LanguageConversion> byLanguage) {

  /** One UTC day: calls started, calls that signed someone up, their cost. */
  public record Day(LocalDate day, long calls, long signups, BigDecimal costUsd) {}

  /** Calls started in one hour of one weekday (0 = Monday), UTC. */
  public record HourOfWeek(int weekday, int hour, long calls) {}

  /** Calls, those that chose in the menu, those that reached an assistant, those that signed up. */
  public record Funnel(long calls, long menuChoice, long assistant, long signedUp) {}

  /** Calls on one path and how many signed up. */
  public record PathConversion(String path, long calls, long signups) {}

  /**
   * Calls in one language ({@code en}, {@code es}, {@code fr}; null for calls that recorded none,
   * such as calls from before languages) and how many signed up.
   */
  public record LanguageConversion(String language, long calls, long signups) {}

  /** One month ({@code YYYY-MM}): calls, their total length in seconds and their cost. */
  public record Month(String month, long calls, long seconds, BigDecimal costUsd) {}
}
