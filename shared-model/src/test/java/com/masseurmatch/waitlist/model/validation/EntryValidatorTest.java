package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryValidatorTest {

  private final EntryValidator validator = new EntryValidator(new PhoneNormalizer("US"));

  @Test
  void aValidSpokenSignupIsNormalised() {
    EntryValidation result =
        validator.validate(
            new EntryForm(
                "ann lee", "(415) 555-0100", "ann dot lee at gmail dot com", "massage therapist"),
            Source.PHONE,
            "CA123");
    assertTrue(result.isValid());
    assertEquals(
        new WaitlistEntry(
            "Ann Lee", "+14155550100", "ann.lee@gmail.com", Role.THERAPIST, Source.PHONE, "CA123"),
        result.entry());
    assertTrue(result.warnings().isEmpty());
  }

  @Test
  void everyInvalidFieldIsReported() {
    EntryValidation result =
        validator.validate(new EntryForm("", "12", "nope", "dentist"), Source.WEB, null);
    assertFalse(result.isValid());
    assertNull(result.entry());
    assertEquals(
        List.of("full_name", "phone", "email", "role"),
        result.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void fieldsThatPassOnTheirOwnAreKeptNormalised() {
    EntryValidation result =
        validator.validate(
            new EntryForm("ann lee", "(415) 555-0100", "ann at", "I'm a client"),
            Source.PHONE,
            null);
    assertFalse(result.isValid());
    assertEquals(
        java.util.Map.of("full_name", "Ann Lee", "phone", "+14155550100", "role", "client"),
        result.validFields());
  }

  @Test
  void aTypoWarningDoesNotBlockTheEntry() {
    EntryValidation result =
        validator.validate(
            new EntryForm("Ann Lee", "4155550100", "ann@gmial.com", "client"), Source.WEB, null);
    assertTrue(result.isValid());
    assertEquals("ann@gmial.com", result.entry().email());
    assertEquals("ann@gmail.com", result.warnings().get(0).suggestion());
  }
}
