package com.masseurmatch.waitlist.model.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void phonesKeepOnlyCountryCodeAndLastTwoDigits() {
    assertEquals("+1********00", Masking.phone("+14155550100"));
    assertEquals("***", Masking.phone("123"));
  }

  @Test
  void emailsKeepOnlyFirstLettersAndTopLevelDomain() {
    assertEquals("j***@g***.com", Masking.email("john.smith@gmail.com"));
    assertEquals("***", Masking.email("not-an-email"));
  }

  @Test
  void freeTextIsMasked() {
    String masked =
        Masking.text("caller: it's john.smith@gmail.com and my number is (415) 555-0100 thanks");
    assertFalse(masked.contains("john.smith"), masked);
    assertFalse(masked.contains("555-0100"), masked);
    assertEquals("caller: it's j***@g***.com and my number is ********00 thanks", masked);
  }

  @Test
  void shortNumbersInTextStay() {
    assertEquals(
        "press 2 for the team in 30 seconds", Masking.text("press 2 for the team in 30 seconds"));
  }
}
