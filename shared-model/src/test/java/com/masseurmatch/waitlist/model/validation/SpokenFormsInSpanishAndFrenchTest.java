package com.masseurmatch.waitlist.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.masseurmatch.waitlist.model.waitlist.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone numbers, e-mail addresses and roles as Spanish and French callers say them. */
class SpokenFormsInSpanishAndFrenchTest {

  private final PhoneNormalizer us = new PhoneNormalizer("US");
  private final PhoneNormalizer france = new PhoneNormalizer("FR");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cuatro uno cinco, cinco cinco cinco, cero uno cero cero | +14155550100",
        "cuatro, uno, cinco. Cinco, cinco, cinco. Cero, uno, cero, cero. | +14155550100",
        "cuatrocientos quince, quinientos cincuenta y cinco, cero cien | +14155550100",
        "más uno cuatro uno cinco cinco cinco cinco cero uno cero cero | +14155550100",
        "seis cuarenta y seis, dos veintidós, diecinueve ochenta y siete | +16462221987",
        "cinq un quatre, cinq cinq cinq, zéro un zéro zéro | +15145550100",
        "Cinq cent quatorze, cinq cent cinquante-cinq, zéro cent | +15145550100",
        "quatre cent dix-huit, six cent quatre-vingt-onze, soixante-dix, soixante et onze | +14186917071",
        "plus un, cinq un quatre, cinq cinq cinq, zéro un zéro zéro | +15145550100",
      })
  void readsNorthAmericanNumbersSaidInSpanishAndFrench(String said, String e164) {
    Normalized<String> result = us.normalize(said);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(e164, result.value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit | +33612345678",
        "zéro six, soixante-dix-sept, quatre-vingts, vingt et un, seize | +33677802116",
        "zéro six, quatre-vingt, onze, vingt, zéro un | +33680112001",
        "zéro un, septante-sept, nonante-neuf, huitante, onze | +33177998011",
      })
  void readsFrenchPairs(String said, String e164) {
    Normalized<String> result = france.normalize(said);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(e164, result.value());
  }

  @Test
  void aPauseEndsAPair() {
    assertEquals(
        "0 6 80 11 20 0 1",
        PhoneNormalizer.spokenToDigits("zéro six, quatre-vingt, onze, vingt, zéro un"));
    assertEquals(
        "0 6 91 21", PhoneNormalizer.spokenToDigits("zéro six quatre-vingt-onze vingt et un"));
  }

  @Test
  void pairsKeepTheirTwoDigitsAndUnitsTheirOne() {
    assertEquals(
        List.of("0", "6", "7", "70", "80", "97", "21"),
        SpokenNumbers.toDigits(
            List.of(
                "zero",
                "six",
                "sept",
                "soixante",
                "dix",
                "quatre",
                "vingt",
                "quatre",
                "vingt",
                "dix",
                "sept",
                "vingt",
                "et",
                "un")));
    assertEquals(
        List.of("mi", "numero", "es", "45", "y", "gracias"),
        SpokenNumbers.toDigits(
            List.of("mi", "numero", "es", "cuarenta", "y", "cinco", "y", "gracias")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "juan punto pérez arroba gmail punto com | juan.perez@gmail.com",
        "ana guion bajo lópez arroba yahoo punto es | ana_lopez@yahoo.es",
        "ana guión bajo lópez arroba yahoo punto es | ana_lopez@yahoo.es",
        "maria guion sanchez arroba outlook punto com | maria-sanchez@outlook.com",
        "l u i s arroba hotmail punto com | luis@hotmail.com",
        "jean point dupont arobase gmail point com | jean.dupont@gmail.com",
        "marie tiret bas leclerc arobase orange point fr | marie_leclerc@orange.fr",
        "marie tiret du huit leclerc arobase free point fr | marie_leclerc@free.fr",
        "luc tiret martin arobase videotron point ca | luc-martin@videotron.ca",
        "luc trait d'union martin arobase videotron point ca | luc-martin@videotron.ca",
        "Sophie arobas laposte point net | sophie@laposte.net",
      })
  void readsAddressesSaidInSpanishAndFrench(String said, String email) {
    Normalized<String> result = EmailNormalizer.normalize(said);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(email, result.value());
  }

  @Test
  void aSpokenAtWordIsTheOnlyAtSign() {
    // "at" is a plain word in "pat at ..." once the caller said "arroba"
    assertEquals(
        "patat@gmail.com", EmailNormalizer.normalize("pat at arroba gmail punto com").value());
  }

  @Test
  void aTypoIsStillOnlySuggestedInSpanish() {
    Normalized<String> result = EmailNormalizer.normalize("juan arroba gmial punto com");
    assertEquals("juan@gmial.com", result.value());
    assertNull(result.error());
    assertEquals("possible_typo", result.warning().reason());
    assertEquals("juan@gmail.com", result.warning().suggestion());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "soy masajista                     | THERAPIST",
        "Soy terapeuta de masajes          | THERAPIST",
        "doy masajes                       | THERAPIST",
        "soy cliente                       | CLIENT",
        "quiero un masaje                  | CLIENT",
        "je suis massothérapeute           | THERAPIST",
        "Massothérapeute                   | THERAPIST",
        "je suis cliente                   | CLIENT",
        "client                            | CLIENT",
        "je veux un massage                | CLIENT",
      })
  void readsRolesSaidInSpanishAndFrench(String said, Role role) {
    Normalized<Role> result = RoleParser.parse(said);
    assertNull(result.error(), () -> "unexpected error " + result.error());
    assertEquals(role, result.value());
  }

  @Test
  void bothRolesInOneAnswerStayAmbiguous() {
    assertEquals("ambiguous", RoleParser.parse("masajista y cliente").error().reason());
  }
}
