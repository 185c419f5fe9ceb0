package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A whole call through the bridge: greeting, signup, hang-up and the call record. */
@QuarkusTest
class RealtimeCallTest extends BridgeTestSupport {

  static final String ARGS =
      "{\"full_name\":\"ann lee\",\"phone\":\"(415) 555-0100\","
          + "\"email\":\"ann dot lee at example dot com\",\"role\":\"therapist\"}";

  private final ObjectMapper json = new ObjectMapper();

  /** The final call record the bridge wrote for this call (the one with an end time). */
  private JsonNode awaitCallRecord(String callSid) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                postgrest.findAll(postRequestedFor(urlPathEqualTo("/rest/v1/calls"))).stream()
                    .map(r -> readJson(r.getBodyAsString()))
                    .filter(b -> callSid.equals(b.path("call_sid").asText()) && b.has("ended_at"))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  private JsonNode readJson(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public channels' save: PostgREST's {@code rpc/submit_waitlist_entry}. */
  static final String SUBMIT = "/rest/v1/rpc/submit_waitlist_entry";

  private void stubWaitlist(int status) {
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .willReturn(aResponse().withStatus(status).withBody(row("created"))));
  }

  private static String row(String outcome) {
    return """
        [{"id":"7d0c5d2e-2f7a-4a51-8f43-2e0f7c1c0a11","outcome":"%s"}]
        """
        .formatted(outcome);
  }

  @Test
  void sessionIsConfiguredAndKnottySpeaksFirst() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);

    JsonNode update = awaitReceived(session, "session.update", 1).get(0).path("session");
    assertEquals("realtime", update.path("type").asText());
    assertEquals(
        "audio/pcmu", update.path("audio").path("input").path("format").path("type").asText());
    assertEquals(
        "audio/pcmu", update.path("audio").path("output").path("format").path("type").asText());
    assertEquals("marin", update.path("audio").path("output").path("voice").asText());
    assertEquals(
        "server_vad",
        update.path("audio").path("input").path("turn_detection").path("type").asText());
    assertTrue(update.path("instructions").asText().contains("Knotty"));
    assertEquals(
        List.of("save_waitlist_entry", "end_call"), update.path("tools").findValuesAsText("name"));
    assertEquals(
        List.of("full_name", "phone", "email", "role"),
        json.convertValue(
            update.path("tools").get(0).path("parameters").path("required"), List.class));
    assertTrue(openai.lastQuery().contains("model=gpt-realtime"), openai.lastQuery());

    JsonNode callerNumber = awaitReceived(session, "conversation.item.create", 1).get(0);
    assertTrue(callerNumber.toString().contains(CALLER), callerNumber.toString());
    awaitReceived(session, "response.create", 1);
    assertEquals(
        List.of("session.update", "conversation.item.create", "response.create"),
        session.receivedTypes().subList(0, 3));

    // the greeting's audio (1600 bytes) reaches Twilio untouched, each chunk followed by a mark
    Awaitility.await().atMost(WAIT).until(() -> twilio.received("mark").size() >= 2);
    List<JsonNode> media = twilio.received("media");
    assertEquals(2, media.size());
    for (JsonNode frame : media) {
      assertEquals(MediaStreamClient.STREAM_SID, frame.path("streamSid").asText());
      assertEquals(
          800,
          java.util.Base64.getDecoder()
              .decode(frame.path("media").path("payload").asText())
              .length);
    }
    assertEquals("media", twilio.received().get(0).path("event").asText());
    assertEquals("mark", twilio.received().get(1).path("event").asText());
    assertTrue(session.errors().isEmpty(), session.errors().toString());
  }

  @Test
  void aSignupIsSavedAndTheResultGoesBackBeforeTheNextResponse() throws Exception {
    stubWaitlist(201);
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(
        Reply.call("save_waitlist_entry", ARGS), Reply.speech("You're on the list!", 800));

    session.callerTurn("It's Ann Lee, ann dot lee at example dot com");

    List<JsonNode> creates = awaitReceived(session, "response.create", 2);
    List<String> types = session.receivedTypes();
    int output = types.lastIndexOf("conversation.item.create");
    assertTrue(output >= 0 && output < types.lastIndexOf("response.create"), types.toString());
    JsonNode item = session.received("conversation.item.create").get(1).path("item");
    assertEquals("function_call_output", item.path("type").asText());
    JsonNode result = json.readTree(item.path("output").asText());
    assertEquals(true, result.path("ok").asBoolean());
    assertEquals("created", result.path("status").asText());
    assertEquals(2, creates.size());
    assertTrue(session.errors().isEmpty(), session.errors().toString());

    postgrest.verify(
        postRequestedFor(urlPathEqualTo(SUBMIT))
            .withRequestBody(
                equalToJson(
                    """
                    {"full_name":"Ann Lee","phone":"+14155550100","email":"ann.lee@example.com",
                     "role":"therapist","source":"phone","call_sid":"%s","language":"en"}
                    """
                        .formatted(callSid))));

    twilio.stop(callSid);
    Awaitility.await().atMost(WAIT).until(session::isClosed);
    JsonNode record = awaitCallRecord(callSid);
    assertEquals("signed_up", record.path("outcome").asText());
    assertEquals("realtime", record.path("path").asText());
    assertEquals(CALLER, record.path("from_number").asText());
    assertTrue(record.hasNonNull("started_at") && record.hasNonNull("ended_at"), record.toString());
    assertTrue(record.path("usage").path("responses").asLong() >= 2, record.toString());
    assertTrue(record.path("usage").path("output_audio_tokens").asLong() > 0, record.toString());
    assertTrue(record.path("cost_usd").decimalValue().signum() > 0, record.toString());
    List<String> turns = new java.util.ArrayList<>();
    record
        .path("transcript")
        .forEach(t -> turns.add(t.path("speaker").asText() + ": " + t.path("text").asText()));
    assertEquals("knotty: Hi, I'm Knotty from MasseurMatch!", turns.get(0));
    assertTrue(
        turns.contains("caller: It's Ann Lee, ann dot lee at example dot com"), turns.toString());
  }

  @Test
  void invalidArgumentsGoBackAsAnErrorNamingTheFieldAndSaveNothing() throws Exception {
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(
        Reply.call(
            "save_waitlist_entry",
            "{\"full_name\":\"Ann Lee\",\"phone\":\"4155550100\",\"email\":\"ann at\",\"role\":\"client\"}"));

    session.callerTurn("ann at");

    awaitReceived(session, "response.create", 2);
    JsonNode output =
        json.readTree(
            session
                .received("conversation.item.create")
                .get(1)
                .path("item")
                .path("output")
                .asText());
    assertEquals(false, output.path("ok").asBoolean());
    assertEquals("email", output.path("field").asText());
    assertEquals("no_domain", output.path("reason").asText());
    assertTrue(output.path("ask").asText().contains("spell"), output.toString());
    postgrest.verify(0, postRequestedFor(urlPathEqualTo(SUBMIT)));
  }

  @Test
  void theSameArgumentsTwiceAreTheSameIdempotentSubmit() throws Exception {
    // like the function: created the first time, unchanged when the same details come again
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .inScenario("upsert")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(200).withBody(row("created")))
            .willSetStateTo("exists"));
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .inScenario("upsert")
            .whenScenarioStateIs("exists")
            .willReturn(aResponse().withStatus(200).withBody(row("unchanged"))));
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(
        Reply.call("save_waitlist_entry", ARGS),
        Reply.call("save_waitlist_entry", ARGS),
        Reply.speech("Done", 800));

    session.callerTurn("yes");
    awaitReceived(session, "response.create", 3);

    JsonNode second =
        json.readTree(
            session
                .received("conversation.item.create")
                .get(2)
                .path("item")
                .path("output")
                .asText());
    assertEquals("unchanged", second.path("status").asText());
    List<String> bodies =
        postgrest.findAll(postRequestedFor(urlPathEqualTo(SUBMIT))).stream()
            .map(r -> r.getBodyAsString())
            .toList();
    assertEquals(2, bodies.size());
    assertEquals(bodies.get(0), bodies.get(1));
  }

  @Test
  void aStoreThatIsDownMakesKnottyApologise() throws Exception {
    postgrest.stubFor(post(urlPathEqualTo(SUBMIT)).willReturn(aResponse().withStatus(503)));
    startCall(newCallSid());
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(Reply.call("save_waitlist_entry", ARGS));

    session.callerTurn("yes");

    awaitReceived(session, "response.create", 2);
    JsonNode output =
        json.readTree(
            session
                .received("conversation.item.create")
                .get(1)
                .path("item")
                .path("output")
                .asText());
    assertEquals(false, output.path("ok").asBoolean());
    assertEquals(true, output.path("retry_later").asBoolean());
  }
}
