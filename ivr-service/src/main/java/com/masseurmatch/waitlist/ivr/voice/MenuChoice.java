package com.masseurmatch.waitlist.ivr.voice;

import java.text.Normalizer;
import java.util.Locale;

/** What the caller picked at the menu, by key or by voice (English, Spanish or French words). */
public enum MenuChoice {
  WAITLIST,
  TEAM,
  VOICEMAIL,
  NONE;

  public static MenuChoice of(String digits, String speech) {
    if (digits != null && !digits.isBlank()) {
      return switch (digits.trim()) {
        case "1" -> WAITLIST;
        case "2" -> TEAM;
        case "3" -> VOICEMAIL;
        default -> NONE;
      };
    }
    if (speech == null || speech.isBlank()) {
      return NONE;
    }
    String said =
        " "
            + Normalizer.normalize(speech, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", " ")
            + " ";
    if (said.matches(
        ".*\\b(voicemail|voice mail|message|three|3|mensaje|buzon|tres|messagerie|trois)\\b.*")) {
      return VOICEMAIL;
    }
    if (said.matches(
        ".*\\b(team|person|someone|human|agent|representative|two|2"
            + "|equipo|persona|alguien|agente|dos|equipe|personne|quelqu un|deux)\\b.*")) {
      return TEAM;
    }
    if (said.matches(
        ".*\\b(waitlist|wait list|waiting list|join|sign up|signup|one|1"
            + "|lista|lista de espera|unirme|inscribirme|uno"
            + "|liste|liste d attente|inscription|inscrire|un)\\b.*")) {
      return WAITLIST;
    }
    return NONE;
  }
}
