package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {

  private final PhoneNormalizer us = new PhoneNormalizer("US");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(415) 555-0100        | +14155550100",
        "415.555.0100          | +14155550100",
        "+1 415 555 0100       | +14155550100",
        "4155550100            | +14155550100",
        "1-415-555-0100        | +14155550100",
        "  415 555 0100  .     | +14155550100",
        "four one five five five five zero one oh oh | +14155550100",
        "+44 20 7946 0958      | +442079460958",
        "+49 30 901820         | +4930901820",
      })
  void parsesWrittenAndSpokenForms(String input, String e164) {
    Normalized<String> result = us.normalize(input);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(e164, result.value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                    | missing",
        "call me maybe         | no_digits",
        "555 0100              | too_short",
        "415 555 0100 1234 5678 | too_long",
        "+999 123 456 789      | invalid_country_code",
        "(123) 555-0100        | invalid",
      })
  void rejectsBadNumbersWithAReason(String input, String reason) {
    Normalized<String> result = us.normalize(input);
    assertNull(result.value());
    assertEquals(reason, result.error().reason());
    assertEquals("phone", result.error().field());
    assertTrue(result.error().ask().length() > 20, "the ask must be a usable sentence");
  }

  @Test
  void defaultRegionIsConfigurable() {
    PhoneNormalizer uk = new PhoneNormalizer("GB");
    assertEquals("+442079460958", uk.normalize("020 7946 0958").value());
  }

  @Test
  void nullIsMissing() {
    assertEquals("missing", us.normalize(null).error().reason());
  }
}
