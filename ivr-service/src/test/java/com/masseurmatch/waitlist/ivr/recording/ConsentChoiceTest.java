package com.masseurmatch.waitlist.ivr.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentChoiceTest {

  @ParameterizedTest(name = "keys \"{0}\", speech \"{1}\" -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "1, null, YES",
        "2, null, NO",
        "9, null, NONE",
        "null, 'Yes, that is fine.', YES",
        "null, okay, YES",
        "null, 'No thanks.', NO",
        "null, 'No, I don''t agree.', NO",
        "null, 'I do not want that', NO",
        "null, 'what is this about', NONE",
        "null, 'Sí, claro.', YES",
        "null, 'De acuerdo', YES",
        "null, 'No, gracias.', NO",
        "null, 'Oui, d''accord.', YES",
        "null, 'Bien sûr', YES",
        "null, 'Non merci', NO",
        "null, 'Je ne suis pas d''accord', NO",
        "null, null, NONE",
        "' ', '  ', NONE"
      })
  void readsTheAnswer(String digits, String speech, ConsentChoice expected) {
    assertEquals(expected, ConsentChoice.of(digits, speech));
  }
}
