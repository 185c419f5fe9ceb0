package com.masseurmatch.waitlist.model.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The console's front page: totals per window ({@code today}, {@code 7d}, {@code 30d}), calls and
 * signups by path per window, and signups per day and role over the last 30 days.
 */
public record Overview(List<Window> windows, List<PathCount> paths, List<DaySignups> signupsByDay) {

  /** Totals of one window; the median is {@code null} when no call in it has ended. */
  public record Window(
      String window,
      long calls,
      long signups,
      long failures,
      BigDecimal costUsd,
      Double medianSeconds) {}

  /** Calls taking a path in a window and how many signed up; path {@code web} counts web forms. */
  public record PathCount(String window, String path, long calls, long signups) {}

  /** Signups of one role on one UTC day. */
  public record DaySignups(LocalDate day, String role, long signups) {}
}
