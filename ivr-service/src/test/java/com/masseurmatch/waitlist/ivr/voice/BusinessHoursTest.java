package com.masseurmatch.waitlist.ivr.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

  private final BusinessHours weekdays =
      new BusinessHours(
          ZoneId.of("America/Los_Angeles"),
          Set.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  @ParameterizedTest
  @CsvSource({
    "2026-11-23T17:00:00Z, true", // Monday 09:00 in Los Angeles
    "2026-11-23T16:59:59Z, false", // Monday 08:59:59
    "2026-11-24T00:59:59Z, true", // Monday 16:59:59
    "2026-11-24T01:00:00Z, false", // Monday 17:00
    "2026-11-28T20:00:00Z, false", // Saturday noon
  })
  void openOnlyOnTheDaysAndHoursConfigured(String at, boolean open) {
    assertEquals(open, weekdays.isOpen(Instant.parse(at)));
  }
}
