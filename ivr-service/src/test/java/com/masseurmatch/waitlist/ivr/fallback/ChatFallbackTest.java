package com.masseurmatch.waitlist.ivr.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fallback with OpenAI: Chat Completions faked with WireMock, in its documented shapes. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class ChatFallbackTest {

  static final String CHAT = "/v1/chat/completions";

  @InjectBridge WireMockServer openai;
  @Inject WaitlistStore waitlist;
  @Inject CallRecordStore calls;

  private final String callSid = Webhooks.newCallSid();
  private final FallbackCaller caller = new FallbackCaller(callSid);

  @BeforeEach
  void reset() {
    openai.resetAll();
  }

  static String text(String content) {
    return """
        {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini",
         "choices":[{"index":0,"finish_reason":"stop",
           "message":{"role":"assistant","content":"%s"}}],
         "usage":{"prompt_tokens":100,"completion_tokens":12,"total_tokens":112}}
        """
        .formatted(content);
  }

  static String toolCall(String arguments) {
    return """
        {"id":"chatcmpl-2","object":"chat.completion","model":"gpt-4o-mini",
         "choices":[{"index":0,"finish_reason":"tool_calls",
           "message":{"role":"assistant","content":null,
             "tool_calls":[{"id":"call_abc","type":"function",
               "function":{"name":"save_waitlist_entry","arguments":%s}}]}}]}
        """
        .formatted(new com.fasterxml.jackson.databind.node.TextNode(arguments).toString());
  }

  private Twiml say(String speech) {
    return caller.answer("SpeechResult", speech);
  }

  @Test
  void aTurnIsAnsweredByChatCompletions() {
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        text("Nice to meet you, Ann! Are you a massage therapist or a client?"))));
    Twiml opening = caller.post("/api/voice/ai-assistant");
    assertEquals("speech dtmf", opening.text("//Gather/@input"));
    assertEquals("phone_call", opening.text("//Gather/@speechModel"));
    // Twilio does not support speechTimeout="auto" with a speech model: a number of seconds
    assertEquals("2", opening.text("//Gather/@speechTimeout"));
    assertTrue(
        opening
            .text("//Gather/@action")
            .startsWith("https://ivr.example.org/api/voice/ai-assistant/turn?state="));

    Twiml reply = say("My name is Ann Lee");

    assertEquals(
        "Nice to meet you, Ann! Are you a massage therapist or a client?",
        reply.text("//Gather/Say"));
    openai.verify(
        postRequestedFor(urlPathEqualTo(CHAT))
            .withHeader("Authorization", equalTo("Bearer sk-test-ivr"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
            .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("assistant")))
            .withRequestBody(
                matchingJsonPath("$.messages[2].content", equalTo("My name is Ann Lee")))
            .withRequestBody(
                matchingJsonPath("$.tools[0].function.name", equalTo("save_waitlist_entry")))
            // max_tokens is deprecated and refused by reasoning models
            .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("200")))
            .withRequestBody(notMatching(".*\"max_tokens\".*")));
  }

  @Test
  void theConversationTravelsWithTheCallNotInTheStore() {
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .willReturn(aResponse().withStatus(200).withBody(text("And your e-mail?"))));
    caller.post("/api/voice/ai-assistant");
    say("I'm Ann Lee, a therapist");
    say("My number is the one I'm calling from");

    // the third request carried both earlier turns, read back from the action URL
    openai.verify(
        postRequestedFor(urlPathEqualTo(CHAT))
            .withRequestBody(
                matchingJsonPath("$.messages[2].content", equalTo("I'm Ann Lee, a therapist")))
            .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("And your e-mail?")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[4].content", equalTo("My number is the one I'm calling from"))));
  }

  @Test
  void aToolCallSavesTheEntryAndTheCallEndsWithTheModelsGoodbye() {
    String email = "chat" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String args =
        "{\"full_name\":\"Ann Lee\",\"phone\":\"4155550100\",\"email\":\""
            + email
            + "\",\"role\":\"therapist\"}";
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .inScenario("save")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(200).withBody(toolCall(args)))
            .willSetStateTo("saved"));
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .inScenario("save")
            .whenScenarioStateIs("saved")
            .willReturn(
                aResponse().withStatus(200).withBody(text("You're on the list. Goodbye!"))));
    caller.post("/api/voice/ai-assistant");

    Twiml last = say("Yes, that's all correct");

    assertEquals("Say,Hangup", last.verbs());
    assertEquals("You're on the list. Goodbye!", last.text("/Response/Say"));
    var saved =
        waitlist.list(new WaitlistQuery(Optional.empty(), Optional.of(email), 0, 5)).items().get(0);
    assertEquals(Source.FALLBACK, saved.source());
    await()
        .untilAsserted(
            () -> assertEquals(CallOutcome.SIGNED_UP, calls.find(callSid).orElseThrow().outcome()));
    // the second request carried the tool's result for the model to speak about
    openai.verify(
        postRequestedFor(urlPathEqualTo(CHAT))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[?(@.role == 'tool')].tool_call_id", equalTo("call_abc"))));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {429, 500, 503})
  void aFailingChatHandsOverToTheScriptedForm(int status) {
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));
    caller.post("/api/voice/ai-assistant");

    Twiml handover = say("Hi, I'm Ann");

    assertTrue(
        handover.text("//Gather/Say").startsWith("Sorry, let me ask you a few quick questions"),
        handover.xml());
    assertTrue(handover.text("//Gather/Say").contains("press 1"));
  }

  @Test
  void aSlowChatHandsOverToTheScriptedForm() {
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .willReturn(aResponse().withStatus(200).withBody(text("late")).withFixedDelay(6000)));
    caller.post("/api/voice/ai-assistant");
    assertTrue(say("Hello?").text("//Gather/Say").contains("a few quick questions"));
  }

  @Test
  void silenceIsRepromptedThenTheFormTakesOver() {
    caller.post("/api/voice/ai-assistant");
    for (int i = 0; i < 2; i++) {
      Twiml again = caller.answer(null, null);
      assertTrue(again.text("//Gather/Say").startsWith("Sorry, I didn't catch that."));
    }
    Twiml form = caller.answer(null, null);
    assertTrue(form.text("//Gather/Say").startsWith("Let me try a different way."), form.xml());
    openai.verify(0, postRequestedFor(urlPathEqualTo(CHAT)));
  }
}
