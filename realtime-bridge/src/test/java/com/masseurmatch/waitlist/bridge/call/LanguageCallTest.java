package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.stream.StreamContract;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Knotty in the caller's language: prompt, voice, transcription and the save tool's asks. */
@QuarkusTest
class LanguageCallTest extends BridgeTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  private FakeRealtimeSession startIn(String language) throws Exception {
    String callSid = newCallSid();
    MediaStreamClient client = connect();
    client.connected();
    client.start(
        callSid,
        tokens.issue(callSid),
        CALLER,
        Map.of(StreamContract.LANGUAGE_PARAMETER, language));
    return awaitOpenAi(0);
  }

  @Test
  void aSpanishCallGetsTheSpanishPromptVoiceAndTranscriptionAndKnottySpeaksFirst()
      throws Exception {
    FakeRealtimeSession session = startIn("es");

    JsonNode update = awaitReceived(session, "session.update", 1).get(0).path("session");
    String instructions = update.path("instructions").asText();
    assertTrue(instructions.contains("Hablas siempre en español"), instructions);
    assertTrue(instructions.contains("como Knotty de MasseurMatch"), instructions);
    assertFalse(instructions.contains("{brand}") || instructions.contains("{assistant}"));
    assertEquals("coral", update.path("audio").path("output").path("voice").asText());
    assertEquals(
        "es", update.path("audio").path("input").path("transcription").path("language").asText());
    awaitReceived(session, "response.create", 1);
    assertTrue(session.errors().isEmpty(), session.errors().toString());
  }

  @Test
  void aFrenchCallsValidationAsksComeBackInFrench() throws Exception {
    FakeRealtimeSession session = startIn("fr");
    JsonNode update = awaitReceived(session, "session.update", 1).get(0).path("session");
    assertTrue(update.path("instructions").asText().contains("Tu parles toujours en français"));
    assertEquals("marin", update.path("audio").path("output").path("voice").asText());
    assertEquals(
        "fr", update.path("audio").path("input").path("transcription").path("language").asText());
    awaitReceived(session, "response.create", 1);
    openai.enqueue(
        Reply.call(
            "save_waitlist_entry",
            "{\"full_name\":\"Élodie Tremblay\",\"phone\":\"(415) 555-0100\",\"role\":\"client\"}"),
        Reply.speech("Quelle est votre adresse courriel ?", 800));

    session.callerTurn("Élodie Tremblay, cliente");

    JsonNode output = json.readTree(awaitFunctionOutput(session).path("output").asText());
    assertEquals(false, output.path("ok").asBoolean());
    assertEquals("email", output.path("field").asText());
    assertEquals("L'adresse courriel manque ; demande-la.", output.path("ask").asText());
  }

  @Test
  void aCallWithoutALanguageIsInEnglish() throws Exception {
    FakeRealtimeSession session = startIn("");
    JsonNode update = awaitReceived(session, "session.update", 1).get(0).path("session");
    assertTrue(update.path("instructions").asText().startsWith("You are Knotty"));
    assertEquals(
        "en", update.path("audio").path("input").path("transcription").path("language").asText());
  }
}
