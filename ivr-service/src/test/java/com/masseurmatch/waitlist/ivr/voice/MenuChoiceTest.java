package com.masseurmatch.waitlist.ivr.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MenuChoiceTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 |                          | WAITLIST",
        "2 |                          | TEAM",
        "3 |                          | VOICEMAIL",
        "9 |                          | NONE",
        "  | waitlist                 | WAITLIST",
        "  | Sign up please.          | WAITLIST",
        "  | option one               | WAITLIST",
        "  | someone from the team    | TEAM",
        "  | voice mail               | VOICEMAIL",
        "  | leave a message          | VOICEMAIL",
        "  | what's the weather       | NONE",
        "  |                          | NONE",
      })
  void keysAndWords(String digits, String speech, MenuChoice expected) {
    assertEquals(expected, MenuChoice.of(digits, speech));
  }
}
