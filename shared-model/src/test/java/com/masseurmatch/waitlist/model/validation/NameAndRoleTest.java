package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.masseurmatch.waitlist.model.waitlist.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameAndRoleTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "  Ann   Lee  | Ann Lee",
        "john smith   | John Smith",
        "mary-jane o'neil | Mary-Jane O'Neil",
        "José Álvarez | José Álvarez",
        "Dr. Ann Lee. | Dr. Ann Lee.",
        "McDonald     | McDonald",
      })
  void namesAreTidied(String input, String expected) {
    Normalized<String> result = NameNormalizer.normalize(input);
    assertNull(result.error());
    assertEquals(expected, result.value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''        | missing",
        "'   '     | missing",
        "12345     | no_letters",
        "...       | no_letters",
        "Ann 2     | contains_digits",
      })
  void badNamesAreRejected(String input, String reason) {
    assertEquals(reason, NameNormalizer.normalize(input).error().reason());
  }

  @Test
  void overlongNamesAreRejected() {
    assertEquals("too_long", NameNormalizer.normalize("A".repeat(101)).error().reason());
    assertNull(NameNormalizer.normalize("A".repeat(100)).error());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "therapist                  | THERAPIST",
        "Therapist                  | THERAPIST",
        "massage therapist          | THERAPIST",
        "I'm a licensed masseuse    | THERAPIST",
        "LMT                        | THERAPIST",
        "I give massages            | THERAPIST",
        "client                     | CLIENT",
        "I'm a client               | CLIENT",
        "customer                   | CLIENT",
        "I want a massage           | CLIENT",
        "looking to book            | CLIENT",
      })
  void rolesAcceptSpokenSynonyms(String input, Role expected) {
    assertEquals(expected, RoleParser.parse(input).value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                          | missing",
        "dentist                     | unknown",
        "a therapist and a client    | ambiguous",
      })
  void unclearRolesAreRejected(String input, String reason) {
    Normalized<Role> result = RoleParser.parse(input);
    assertNull(result.value());
    assertEquals(reason, result.error().reason());
    assertEquals("role", result.error().field());
  }
}
