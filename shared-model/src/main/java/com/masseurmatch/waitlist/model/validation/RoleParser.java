package com.masseurmatch.waitlist.model.validation;

import com.masseurmatch.waitlist.model.waitlist.Role;
import java.util.List;

/**
 * Understands a role as a caller or a model says it, in English, Spanish or French: "massage
 * therapist", "I'm a client", "soy masajista", "je suis massothérapeute".
 */
public final class RoleParser {

  public static final String FIELD = "role";

  private static final List<String> THERAPIST_WORDS =
      List.of(
          "therapist",
          "masseur",
          "masseuse",
          "lmt",
          "bodyworker",
          "practitioner",
          "provider",
          "give massage",
          "give massages",
          "offer massage",
          "offer massages",
          // Spanish
          "masajista",
          "terapeuta",
          "masoterapeuta",
          "quiropractico",
          "doy masajes",
          "ofrezco masajes",
          // French
          "massotherapeute",
          "therapeute",
          "praticien",
          "praticienne",
          "donne des massages",
          "offre des massages");
  private static final List<String> CLIENT_WORDS =
      List.of(
          "client",
          "customer",
          "patient",
          "book",
          "booking",
          "get a massage",
          "get massages",
          "receive",
          "looking for a massage",
          "want a massage",
          // Spanish
          "cliente",
          "clienta",
          "recibir masajes",
          "reservar",
          "quiero un masaje",
          "busco un masaje",
          // French ("client" is shared with English, "cliente" with Spanish)
          "recevoir des massages",
          "reserver",
          "je veux un massage",
          "je cherche un massage");

  private RoleParser() {}

  public static Normalized<Role> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "missing",
              "The role is missing; ask whether the caller is a massage therapist or a client."));
    }
    String text =
        " " + SpokenWords.fold(raw).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ") + " ";
    boolean therapist = mentionsAny(text, THERAPIST_WORDS);
    boolean client = mentionsAny(text, CLIENT_WORDS);
    if (therapist && !client) {
      return Normalized.ok(Role.THERAPIST);
    }
    if (client && !therapist) {
      return Normalized.ok(Role.CLIENT);
    }
    return Normalized.fail(
        new FieldError(
            FIELD,
            therapist ? "ambiguous" : "unknown",
            "It is not clear whether the caller gives massages or books them; ask: are you a"
                + " massage therapist or a client?"));
  }

  private static boolean mentionsAny(String text, List<String> words) {
    for (String word : words) {
      if (text.contains(" " + word + " ")) {
        return true;
      }
    }
    return false;
  }
}
