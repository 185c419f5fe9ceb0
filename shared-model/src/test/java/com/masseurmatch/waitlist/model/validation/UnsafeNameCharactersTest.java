package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.masseurmatch.waitlist.model.waitlist.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Control, invisible and non-characters never reach a stored name, whatever the channel. */
class UnsafeNameCharactersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'Ann\u0000 Lee', Ann Lee",
    "'Ann\u0007Lee', AnnLee",
    "'Ann\tLee', Ann Lee",
    "'Ann\u001bLee', AnnLee",
    "'Ann \uFFFELee\uFFFF', Ann Lee",
    "'\u202EeeL nnA', eeL nnA",
    "'Ann\u200B Lee\u2066', Ann Lee",
    "'Ann | Lee', Ann Lee",
  })
  void areNormalisedAway(String raw, String stored) {
    EntryValidation validation =
        new EntryValidator(new PhoneNormalizer("US"))
            .validate(
                new EntryForm(raw, "+14155550100", "ann@example.com", "client"), Source.WEB, null);
    assertNull(validation.errors().isEmpty() ? null : validation.errors());
    assertEquals(stored, validation.entry().fullName());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'\u0000\u0001\u202E'", "'\uFFFF \uFFFE'"})
  void nothingButThemIsAMissingName(String raw) {
    assertEquals("missing", NameNormalizer.normalize(raw).error().reason());
  }
}
