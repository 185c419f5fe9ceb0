package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole calls in Spanish and French against the packaged services: the greeting offers each
 * language in its own voice, a key or the spoken name switches, and the choice follows the call
 * through the scripted form, the transfer, the voicemail, Knotty and the stored rows.
 */
class LanguageCallIT {

  private static CallServices services;

  /** The IVR alone: no bridge and no OpenAI key, so option 1 is the scripted form. */
  @BeforeAll
  static void start() throws Exception {
    services =
        CallServices.in("languages-e2e")
            .transferAlwaysOpen()
            .ivrEnv("TEAM_PHONE_NUMBER_FR", "+15145550123")
            .ivrEnv("IVR_NUMBER_LANGUAGES", "+15145550199=fr")
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (services != null) {
      services.close();
    }
  }

  @Test
  void aWholeSpanishCallSignsUpThroughTheScriptedFormBySpeech() throws Exception {
    CallServices.Placed placed =
        services.place(
            "say español; say lista de espera; press 1; say soy masajista; say Ana López;"
                + " press 1; say ana punto lopez arroba example punto com; press 1");
    placed.assertAnswered();
    SimulatedCall call = placed.call();
    SimulatedCall.Result result = placed.result();
    String log = placed.log();
    List<String> heard = result.heard();
    assertTrue(heard.contains("[es-US Polly.Lupe] Para español, oprima 9 o diga español."), log);
    assertTrue(
        heard.contains(
            "[fr-CA Polly.Chantal] Pour le français, appuyez sur le 8 ou dites français."),
        log);
    assertTrue(heard.stream().anyMatch(h -> h.startsWith("[es-US Polly.Lupe] Gracias por")), log);
    assertTrue(
        heard.stream()
            .anyMatch(
                h ->
                    h.contains(
                        "a, n, a, punto, l, o, p, e, z, arroba, e, x, a, m, p, l, e, punto,")),
        log);
    assertTrue(
        heard.get(heard.size() - 1).startsWith("[es-US Polly.Lupe] ¡Gracias! Ya está en la lista"),
        log);
    assertEquals(
        List.of("Ana López", "ana.lopez@example.com", "therapist", "+14155550100", "es"),
        awaitEntry(call.callSid()),
        log);
    awaitRow(call.callSid(), "select language from calls where call_sid = ?", List.of("es"));
  }

  @Test
  void aWholeFrenchCallOnTheFrenchNumberSignsUpBySpeech() throws Exception {
    CallServices.Placed placed =
        services.place(
            "+15145550199",
            "say liste d'attente; press 1; say je suis massothérapeute; say Élodie Tremblay;"
                + " press 1; say elodie point tremblay arobase example point com; press 1");
    placed.assertAnswered();
    SimulatedCall call = placed.call();
    SimulatedCall.Result result = placed.result();
    String log = placed.log();
    assertTrue(result.heard().get(0).startsWith("[fr-CA Polly.Chantal] Merci d'avoir appelé"), log);
    assertTrue(
        result.heard().contains("[es-US Polly.Lupe] Para español, oprima 9 o diga español."), log);
    assertTrue(result.heard().contains("For English, press 7, or say English."), log);
    assertTrue(
        result.heard().stream().anyMatch(h -> h.contains("arobase, e, x, a, m, p, l, e, point")),
        log);
    assertEquals(
        List.of(
            "Élodie Tremblay", "elodie.tremblay@example.com", "therapist", "+14155550100", "fr"),
        awaitEntry(call.callSid()),
        log);
    awaitRow(call.callSid(), "select language from calls where call_sid = ?", List.of("fr"));
  }

  @Test
  void aSpanishTransferIsToldTheTeamSpeaksEnglishAndTheVoicemailIsInSpanish() throws Exception {
    CallServices.Placed placed = services.place("press 9; say equipo; dial no-answer; record 6");
    SimulatedCall.Result result = placed.result();

    String log = placed.log();
    assertEquals(List.of(), result.twilioErrors(), log);
    assertTrue(
        result.heard().stream()
            .anyMatch(
                h ->
                    h.startsWith(
                        "[es-US Polly.Lupe] Nuestro equipo habla inglés. Le comunico con el"
                            + " equipo")),
        log);
    assertTrue(result.events().contains("dialled +14155550123: no-answer"), log);
    assertTrue(
        result.heard().stream()
            .anyMatch(
                h ->
                    h.equals(
                        "[es-US Polly.Lupe] Nuestro equipo no pudo contestar. Mejor dejemos un"
                            + " mensaje.")),
        log);
    assertTrue(
        result.heard().stream().anyMatch(h -> h.startsWith("[es-US Polly.Lupe] Por favor, deje")),
        log);
    assertTrue(
        result
            .heard()
            .contains(
                "[es-US Polly.Lupe] Gracias, nos comunicaremos con usted pronto." + " Adiós."),
        log);
    awaitRow(
        placed.call().callSid(),
        "select path, outcome, language from calls where call_sid = ?",
        List.of("voicemail", "voicemail", "es"));
  }

  @Test
  void aFrenchTransferDialsTheFrenchTeamWithoutTheNotice() throws Exception {
    CallServices.Placed placed = services.place("press 8; press 2; dial completed");
    SimulatedCall.Result result = placed.result();

    String log = placed.log();
    assertEquals(List.of(), result.twilioErrors(), log);
    assertTrue(
        result
            .heard()
            .contains(
                "[fr-CA Polly.Chantal] Je vous mets en relation avec l'équipe de MasseurMatch. Un"
                    + " instant, s'il vous plaît."),
        log);
    assertTrue(result.events().contains("dialled +15145550123: completed"), log);
    assertTrue(
        result
            .heard()
            .contains("[fr-CA Polly.Chantal] Merci d'avoir appelé MasseurMatch. Au revoir."),
        log);
  }

  /**
   * Option 1 in Spanish with the bridge: Knotty's session carries the Spanish prompt, voice and
   * transcription language, and both rows say {@code es}.
   */
  @Test
  void aSpanishOptionOneCallOpensKnottyInSpanish() throws Exception {
    List<JsonNode> sessions = new CopyOnWriteArrayList<>();
    FakeRealtimeServer openai = new FakeRealtimeServer();
    openai.onSessionUpdate(
        session -> {
          sessions.add(session);
          return null;
        });
    try (CallServices withBridge =
        CallServices.in("languages-realtime-e2e")
            .bridge(openai)
            .bridgeEnv("KNOTTY_VOICE_ES", "coral")
            .ivrEnv("OPENAI_API_KEY", "sk-e2e-ivr-unused")
            .start()) {
      CallServices.Placed placed = withBridge.place("press 9; press 1; listen 3");
      placed.assertAnswered();
      SimulatedCall call = placed.call();
      SimulatedCall.Result result = placed.result();
      String log = placed.log();
      assertTrue(
          result.events().stream()
              .anyMatch(e -> e.contains("media stream to") && e.contains("language")),
          log);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !sessions.isEmpty());
      JsonNode session = sessions.get(0);
      String instructions = session.path("instructions").asText();
      assertTrue(instructions.contains("Hablas siempre en español"), instructions);
      assertTrue(instructions.contains("Knotty de MasseurMatch"), instructions);
      assertEquals("coral", session.path("audio").path("output").path("voice").asText());
      assertEquals(
          "es",
          session.path("audio").path("input").path("transcription").path("language").asText());
      Path db = withBridge.db();
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  List.of("realtime", "es")
                      .equals(
                          StoredRows.first(
                              db,
                              "select path, language from calls where call_sid = ?",
                              call.callSid())));
    }
  }

  private static List<String> awaitEntry(String callSid) throws Exception {
    String sql = "select full_name, email, role, phone, language from waitlist where call_sid = ?";
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !StoredRows.first(services.db(), sql, callSid).isEmpty());
    return StoredRows.first(services.db(), sql, callSid);
  }

  private static void awaitRow(String callSid, String sql, List<String> expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> expected.equals(StoredRows.first(services.db(), sql, callSid)));
  }
}
