package com.masseurmatch.waitlist.model.validation;

import java.util.ArrayList;
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

  private static final Map<String, String> SPOKEN_SYMBOLS =
      Map.of(
          "dot", ".",
          "period", ".",
          "point", ".",
          "underscore", "_",
          "dash", "-",
          "hyphen", "-",
          "minus", "-",
          "plus", "+");

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
   * Maps spoken words to symbols and removes the spaces between spoken letters. Without an '@', the
   * last standalone "at" becomes the '@'.
   */
  static String fromSpokenForm(String text) {
    String[] words = text.split("\\s+");
    boolean hasAtSign = text.indexOf('@') >= 0;
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
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (i == atWord) {
        out.add("@");
      } else if (words.length > 1 && SPOKEN_SYMBOLS.containsKey(word)) {
        out.add(SPOKEN_SYMBOLS.get(word));
      } else {
        out.add(word);
      }
    }
    return String.join("", out);
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
