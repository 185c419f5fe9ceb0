package com.masseurmatch.waitlist.ivr.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.experiment.RunningExperiments;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fallback assistant in an experiment: the variant's Chat model, and its tokens recorded. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class ChatVariantTest {

  @InjectBridge WireMockServer openai;
  @Inject CallRecordStore calls;
  @Inject ExperimentStore experiments;
  @Inject RunningExperiments running;

  @BeforeEach
  void reset() {
    openai.resetAll();
  }

  @AfterEach
  void stopAll() {
    experiments.running().forEach(e -> experiments.stop(e.id()));
    running.refresh();
  }

  @Test
  void theVariantsChatModelAnswersAndItsTokensArePricedOnTheCall() {
    // both arms name the model, so whichever this caller gets, the model is known
    VariantSettings mini = VariantSettings.parse("", Map.of("chat_model", "gpt-4.1-mini"));
    Experiment experiment =
        experiments.create(
            "chat model",
            null,
            List.of(
                new Variant("control", 1, mini, false, null),
                new Variant("b", 1, mini, false, null)));
    experiments.start(experiment.id());
    running.refresh();
    openai.stubFor(
        post(urlPathEqualTo(ChatFallbackTest.CHAT))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4.1-mini",
                         "choices":[{"index":0,"finish_reason":"stop",
                           "message":{"role":"assistant","content":"Are you a therapist?"}}],
                         "usage":{"prompt_tokens":100,"completion_tokens":12,"total_tokens":112,
                           "prompt_tokens_details":{"cached_tokens":40}}}
                        """)));
    String callSid = Webhooks.newCallSid();
    FallbackCaller caller = new FallbackCaller(callSid);
    caller.post("/api/voice/ai-assistant");
    assertEquals(
        "Are you a therapist?", caller.answer("SpeechResult", "I'm Ann Lee").text("//Gather/Say"));

    openai.verify(
        postRequestedFor(urlPathEqualTo(ChatFallbackTest.CHAT))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-mini"))));
    // gpt-4.1-mini: 60 uncached × $0.40 + 40 cached × $0.10 + 12 out × $1.60 per million
    CallRecord row =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> calls.find(callSid).orElse(null), r -> r != null && r.chatUsage() != null);
    assertEquals(
        Map.of("prompt_tokens", 100L, "cached_tokens", 40L, "completion_tokens", 12L),
        row.chatUsage());
    assertEquals(0, new BigDecimal("0.000047").compareTo(row.chatCostUsd()), row.toString());
  }
}
