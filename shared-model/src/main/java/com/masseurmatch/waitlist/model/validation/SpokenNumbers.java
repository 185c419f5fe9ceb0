package com.masseurmatch.waitlist.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads numbers said as words in English, Spanish or French into digits, as callers say phone
 * numbers: digit by digit ("cuatro uno cinco"), in pairs ("zéro six, douze, soixante-dix-huit",
 * "cuarenta y cinco") or in hundreds ("cuatrocientos quince", "quatre cent quinze"). A pair always
 * gives two digits and a hundred three, so "zéro six" and "six" stay distinct from "soixante".
 */
final class SpokenNumbers {

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          // English
          Map.entry("zero", 0),
          Map.entry("oh", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          // Spanish
          Map.entry("cero", 0),
          Map.entry("uno", 1),
          Map.entry("una", 1),
          Map.entry("dos", 2),
          Map.entry("tres", 3),
          Map.entry("cuatro", 4),
          Map.entry("cinco", 5),
          Map.entry("seis", 6),
          Map.entry("siete", 7),
          Map.entry("ocho", 8),
          Map.entry("nueve", 9),
          // French ("six" is shared with English, "un" with Spanish)
          Map.entry("un", 1),
          Map.entry("une", 1),
          Map.entry("deux", 2),
          Map.entry("trois", 3),
          Map.entry("quatre", 4),
          Map.entry("cinq", 5),
          Map.entry("sept", 7),
          Map.entry("huit", 8),
          Map.entry("neuf", 9));

  private static final Map<String, Integer> TEENS =
      Map.ofEntries(
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("diez", 10),
          Map.entry("once", 11),
          Map.entry("doce", 12),
          Map.entry("trece", 13),
          Map.entry("catorce", 14),
          Map.entry("quince", 15),
          Map.entry("dieciseis", 16),
          Map.entry("diecisiete", 17),
          Map.entry("dieciocho", 18),
          Map.entry("diecinueve", 19),
          Map.entry("veintiun", 21),
          Map.entry("veintiuno", 21),
          Map.entry("veintidos", 22),
          Map.entry("veintitres", 23),
          Map.entry("veinticuatro", 24),
          Map.entry("veinticinco", 25),
          Map.entry("veintiseis", 26),
          Map.entry("veintisiete", 27),
          Map.entry("veintiocho", 28),
          Map.entry("veintinueve", 29),
          Map.entry("dix", 10),
          Map.entry("onze", 11),
          Map.entry("douze", 12),
          Map.entry("treize", 13),
          Map.entry("quatorze", 14),
          Map.entry("quinze", 15),
          Map.entry("seize", 16));

  private static final Map<String, Integer> TENS =
      Map.ofEntries(
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("veinte", 20),
          Map.entry("treinta", 30),
          Map.entry("cuarenta", 40),
          Map.entry("cincuenta", 50),
          Map.entry("sesenta", 60),
          Map.entry("setenta", 70),
          Map.entry("ochenta", 80),
          Map.entry("noventa", 90),
          Map.entry("vingt", 20),
          Map.entry("vingts", 20),
          Map.entry("trente", 30),
          Map.entry("quarante", 40),
          Map.entry("cinquante", 50),
          Map.entry("soixante", 60),
          // Belgian and Swiss French
          Map.entry("septante", 70),
          Map.entry("huitante", 80),
          Map.entry("octante", 80),
          Map.entry("nonante", 90));

  private static final Map<String, Integer> HUNDREDS =
      Map.ofEntries(
          Map.entry("cien", 100),
          Map.entry("ciento", 100),
          Map.entry("doscientos", 200),
          Map.entry("trescientos", 300),
          Map.entry("cuatrocientos", 400),
          Map.entry("quinientos", 500),
          Map.entry("seiscientos", 600),
          Map.entry("setecientos", 700),
          Map.entry("ochocientos", 800),
          Map.entry("novecientos", 900),
          Map.entry("cent", 100),
          Map.entry("cents", 100));

  /** Stands for a pause between words; no number is read across it. */
  static final String PAUSE = ",";

  /** "and" between tens and units: "cuarenta y cinco", "vingt et un". */
  private static final List<String> JOINERS = List.of("y", "et");

  private SpokenNumbers() {}

  /**
   * The words with every run of number words replaced by its digits; other words pass through.
   * Words are expected lower-case and without accents ({@link SpokenWords#fold}).
   */
  static List<String> toDigits(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    int i = 0;
    while (i < words.size()) {
      Reading reading = read(words, i);
      if (reading == null) {
        out.add(words.get(i));
        i++;
      } else {
        out.add(reading.digits);
        i = reading.next;
      }
    }
    return out;
  }

  private record Reading(String digits, int next) {}

  private static Reading read(List<String> w, int i) {
    String word = w.get(i);
    Integer unit = UNITS.get(word);
    if (unit != null) {
      if (unit == 4 && isAny(w, i + 1, "vingt", "vingts")) {
        return pairAfter(w, i + 2, 80);
      }
      if (unit > 1 && isAny(w, i + 1, "cent", "cents")) {
        return hundred(w, i + 2, unit * 100);
      }
      return new Reading(Integer.toString(unit), i + 1);
    }
    Integer hundreds = HUNDREDS.get(word);
    if (hundreds != null) {
      return hundred(w, i + 1, hundreds);
    }
    Integer teen = TEENS.get(word);
    if (teen != null) {
      return pairOf(w, i + 1, teen);
    }
    Integer tens = TENS.get(word);
    if (tens != null) {
      return pairAfter(w, i + 1, tens);
    }
    return null;
  }

  /** A ten ("dix") may take a unit: "dix-sept" is 17. */
  private static Reading pairOf(List<String> w, int next, int teen) {
    if (teen == 10) {
      Integer unit = at(w, next, UNITS);
      if (unit != null && unit >= 7) {
        return new Reading(two(10 + unit), next + 1);
      }
    }
    return new Reading(two(teen), next);
  }

  /**
   * Tens followed by an optional joiner and a unit ("forty five", "cuarenta y cinco", "vingt et
   * un"), or in French by a teen ("soixante-dix-huit", "quatre-vingt-onze").
   */
  private static Reading pairAfter(List<String> w, int next, int tens) {
    int j = JOINERS.contains(at(w, next)) ? next + 1 : next;
    Integer unit = at(w, j, UNITS);
    if (unit != null && unit > 0 && !(unit == 4 && isAny(w, j + 1, "vingt", "vingts"))) {
      return new Reading(two(tens + unit), j + 1);
    }
    if (tens == 60 || tens == 80) {
      Integer teen = at(w, j, TEENS);
      if (teen != null && teen < 20) {
        Reading rest = pairOf(w, j + 1, teen);
        return new Reading(two(tens + Integer.parseInt(rest.digits)), rest.next);
      }
    }
    return new Reading(two(tens), next);
  }

  private static Reading hundred(List<String> w, int next, int hundreds) {
    Reading rest = next < w.size() ? read(w, next) : null;
    if (rest != null && rest.digits.length() == 2) {
      return new Reading(Integer.toString(hundreds + Integer.parseInt(rest.digits)), rest.next);
    }
    if (rest != null && rest.digits.length() == 1 && !rest.digits.equals("0")) {
      return new Reading(Integer.toString(hundreds + Integer.parseInt(rest.digits)), rest.next);
    }
    return new Reading(Integer.toString(hundreds), next);
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  private static String at(List<String> w, int i) {
    return i < w.size() ? w.get(i) : null;
  }

  private static Integer at(List<String> w, int i, Map<String, Integer> table) {
    return i < w.size() ? table.get(w.get(i)) : null;
  }

  private static boolean isAny(List<String> w, int i, String a, String b) {
    String word = at(w, i);
    return a.equals(word) || b.equals(word);
  }
}
