package com.masseurmatch.waitlist.ivr.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsKeywordTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "STOP, OPT_OUT, EN",
    "alto, OPT_OUT, ES",
    "Arrêt!, OPT_OUT, FR",
    "start, OPT_IN, EN",
    "Inicio, OPT_IN, ES",
    "début, OPT_IN, FR",
    "help me, HELP, EN",
    "AYUDA, HELP, ES",
    "aide, HELP, FR",
    "Confirm, CONFIRM, EN",
    "confirmar., CONFIRM, ES",
    "CONFIRMER, CONFIRM, FR",
    "hola, OTHER, EN",
  })
  void keywordsAreUnderstoodInEachLanguage(String body, SmsKeyword keyword, Language language) {
    assertEquals(keyword, SmsKeyword.of(body, null));
    assertEquals(language, SmsKeyword.language(body));
  }
}
