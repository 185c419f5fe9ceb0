package com.masseurmatch.waitlist.model.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises an e-mail address as typed or as spoken ("john dot smith at gmail dot com"), checks
 * its syntax and flags likely typos of common domains without changing them.
 */
public final class EmailNormalizer {

  public static final String FIELD = "email";
  public static final int MAX_LENGTH = 254;

  /**
   * Symbols as callers say them in English, Spanish and French, matched on folded words (no
   * accents, lower case); phrases of several words come first.
   */
  private static final Map<String, String> SPOKEN_SYMBOLS =
      Map.ofEntries(
          Map.entry("dot", "."),
          Map.entry("period", "."),
          Map.entry("point", "."),
          Map.entry("punto", "."),
          Map.entry("underscore", "_"),
          Map.entry("guion bajo", "_"),
          Map.entry("barra baja", "_"),
          Map.entry("tiret bas", "_"),
          Map.entry("tiret du bas", "_"),
          Map.entry("tiret du huit", "_"),
          Map.entry("tiret du 8", "_"),
          Map.entry("souligne", "_"),
          Map.entry("dash", "-"),
          Map.entry("hyphen", "-"),
          Map.entry("minus", "-"),
          Map.entry("guion", "-"),
          Map.entry("guion medio", "-"),
          Map.entry("tiret", "-"),
          Map.entry("tiret du six", "-"),
          Map.entry("tiret du 6", "-"),
          Map.entry("trait d'union", "-"),
          Map.entry("plus", "+"),
          Map.entry("arroba", "@"),
          Map.entry("arobase", "@"),
          Map.entry("arobas", "@"));

  private static final int LONGEST_PHRASE = 3;

  private static final Pattern LOCAL_PART =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}");

  private static final List<String> COMMON_DOMAINS =
      List.of(
          "gmail.com",
          "yahoo.com",
          "hotmail.com",
          "outlook.com",
          "icloud.com",
          "aol.com",
          "live.com",
          "msn.com",
          "me.com",
          "comcast.net",
          "protonmail.com",
          "proton.me");

  private EmailNormalizer() {}

  public static Normalized<String> normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return Normalized.fail(
          new FieldError(FIELD, "missing", "The e-mail address is missing; ask for it."));
    }
    String email = fromSpokenForm(raw.strip().toLowerCase(Locale.ROOT));
    // sentence punctuation around a transcribed address is not part of it
    email = email.replaceAll("^[.,;:!?'\"()<>]+|[.,;:!?'\"()<>]+$", "");
    if (email.length() > MAX_LENGTH) {
      return Normalized.fail(
          new FieldError(
              FIELD, "too_long", "The e-mail address is too long; ask the caller to spell it."));
    }
    int at = email.indexOf('@');
    if (at < 0) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "no_at_sign",
              "The e-mail address has no 'at' sign; ask the caller to spell it, saying 'at'"
                  + " before the domain."));
    }
    if (email.indexOf('@', at + 1) >= 0) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "several_at_signs",
              "The e-mail address has more than one 'at' sign; ask the caller to spell it."));
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (local.isEmpty()) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "no_local_part",
              "The part before the 'at' sign is missing; ask the caller to spell the address."));
    }
    if (domain.isEmpty() || !domain.contains(".")) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "no_domain",
              "The e-mail has no domain; ask the caller to spell the part after 'at', like"
                  + " gmail dot com."));
    }
    if (!LOCAL_PART.matcher(local).matches() || !validDomain(domain)) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "invalid",
              "That e-mail address is not valid; ask the caller to spell it letter by letter."));
    }
    String suggestion = likelyIntendedDomain(domain);
    if (suggestion != null) {
      String suggested = local + "@" + suggestion;
      return Normalized.okWithWarning(
          email,
          new FieldError(
              FIELD,
              "possible_typo",
              "The domain "
                  + domain
                  + " looks like a typo of "
                  + suggestion
                  + "; confirm with the caller which one is right.",
              suggested));
    }
    return Normalized.ok(email);
  }

  /**
   * Maps spoken words to symbols and removes the spaces between spoken letters. Without an '@' (or
   * its Spanish or French word), the last standalone "at" becomes the '@'.
   */
  static String fromSpokenForm(String text) {
    String[] words = text.split("\\s+");
    String[] folded = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      folded[i] = SpokenWords.fold(words[i]);
    }
    boolean several = words.length > 1;
    boolean hasAtSign =
        text.indexOf('@') >= 0
            || (several && Arrays.stream(folded).anyMatch(w -> "@".equals(SPOKEN_SYMBOLS.get(w))));
    int atWord = -1;
    if (!hasAtSign) {
      for (int i = words.length - 1; i >= 0; i--) {
        if (words[i].equals("at")) {
          atWord = i;
          break;
        }
      }
    }
    List<String> out = new ArrayList<>(words.length);
    int i = 0;
    while (i < words.length) {
      if (i == atWord) {
        out.add("@");
        i++;
        continue;
      }
      int matched = several ? longestSymbolAt(folded, i) : 0;
      if (matched > 0) {
        out.add(SPOKEN_SYMBOLS.get(phrase(folded, i, matched)));
        i += matched;
      } else {
        // a transcript spells a spoken "Pérez" with its accent; the address has none
        out.add(several ? folded[i] : words[i]);
        i++;
      }
    }
    return String.join("", out);
  }

  /** How many words from {@code start} form the longest spoken symbol there, or 0. */
  private static int longestSymbolAt(String[] folded, int start) {
    for (int n = Math.min(LONGEST_PHRASE, folded.length - start); n > 0; n--) {
      if (SPOKEN_SYMBOLS.containsKey(phrase(folded, start, n))) {
        return n;
      }
    }
    return 0;
  }

  private static String phrase(String[] folded, int start, int n) {
    return String.join(" ", Arrays.asList(folded).subList(start, start + n));
  }

  private static boolean validDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    for (String label : labels) {
      if (label.length() > 63 || !DOMAIN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
  }

  /**
   * A common domain within one or two edits of this one, or {@code null} if it is one or none is
   * close.
   */
  static String likelyIntendedDomain(String domain) {
    if (COMMON_DOMAINS.contains(domain)) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String common : COMMON_DOMAINS) {
      int distance = editDistance(domain, common);
      if (distance < bestDistance) {
        best = common;
        bestDistance = distance;
      }
    }
    // short domains are close to too many others: only one edit counts as a likely typo there
    int allowed = domain.length() >= 9 ? 2 : 1;
    return bestDistance <= allowed ? best : null;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
