package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "John.Smith@Gmail.com           | john.smith@gmail.com",
        "  ann@example.org.             | ann@example.org",
        "john dot smith at gmail dot com | john.smith@gmail.com",
        "mary underscore jones at yahoo dot com | mary_jones@yahoo.com",
        "pat dash lee at outlook dot com | pat-lee@outlook.com",
        "pat hyphen lee at outlook dot com | pat-lee@outlook.com",
        "j o h n at icloud dot com      | john@icloud.com",
        "kat at kat dot studio          | kat@kat.studio",
        "ann plus spa at gmail dot com  | ann+spa@gmail.com",
        "ann@sub.example.co.uk          | ann@sub.example.co.uk",
      })
  void normalisesTypedAndSpokenForms(String input, String expected) {
    Normalized<String> result = EmailNormalizer.normalize(input);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(expected, result.value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                      | missing",
        "john smith gmail com    | no_at_sign",
        "john@                   | no_domain",
        "john at gmail           | no_domain",
        "@gmail.com              | no_local_part",
        "a@b@c.com               | several_at_signs",
        "john..smith@gmail.com   | invalid",
        "john@gmail.c0m          | invalid",
        "john@-gmail.com         | invalid",
      })
  void rejectsWithAReasonAndAnAsk(String input, String reason) {
    Normalized<String> result = EmailNormalizer.normalize(input);
    assertNull(result.value());
    assertEquals(reason, result.error().reason());
    assertEquals("email", result.error().field());
  }

  @ParameterizedTest(name = "{0} suggests {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ann@gmial.com     | ann@gmail.com",
        "ann@hotmial.com   | ann@hotmail.com",
        "ann@gmail.co      | ann@gmail.com",
        "ann@yaho.com      | ann@yahoo.com",
        "ann@outlok.com    | ann@outlook.com",
      })
  void likelyTyposAreReportedNotChanged(String input, String suggestion) {
    Normalized<String> result = EmailNormalizer.normalize(input);
    assertEquals(input, result.value(), "the address must not be silently changed");
    assertEquals("possible_typo", result.warning().reason());
    assertEquals(suggestion, result.warning().suggestion());
  }

  @ParameterizedTest
  @CsvSource({"ann@gmail.com", "ann@mac.com", "ann@example.com", "ann@massage.studio"})
  void ordinaryDomainsCarryNoWarning(String input) {
    assertNull(EmailNormalizer.normalize(input).warning());
  }

  @ParameterizedTest
  @CsvSource({"ab,ba,1", "gmial.com,gmail.com,1", "kitten,sitting,3", "same,same,0"})
  void editDistanceCountsTranspositionsAsOne(String a, String b, int distance) {
    assertEquals(distance, EmailNormalizer.editDistance(a, b));
  }
}
