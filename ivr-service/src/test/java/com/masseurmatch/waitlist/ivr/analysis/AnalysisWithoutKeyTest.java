package com.masseurmatch.waitlist.ivr.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without an OpenAI key a finished call's analysis is recorded as skipped; nothing is sent. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(AnalysisWithoutKeyTest.NoKey.class)
class AnalysisWithoutKeyTest {

  public static class NoKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("openai.api-key", "");
    }
  }

  @InjectBridge WireMockServer openai;
  @Inject CallRecordStore calls;
  @Inject AnalysisStore analysis;
  @Inject JobStore queue;
  @Inject JobRunner jobs;

  @Test
  void theAnalysisIsSkipped() {
    String callSid = Webhooks.newCallSid();
    calls.upsert(
        CallRecord.of(callSid)
            .withStartedAt(Instant.now())
            .withEndedAt(Instant.now())
            .withTranscript(List.of(new TranscriptTurn("caller", "Hello?", Instant.now()))));
    RecordingJobs.enqueueAnalysis(queue, callSid, null);

    jobs.runDue();

    CallInsight call = analysis.call(callSid).orElseThrow();
    assertEquals(
        List.of("skipped", "OPENAI_API_KEY is not set"),
        List.of(call.analysisStatus(), call.analysisError()));
    assertNull(call.analysis());
    assertEquals(
        0,
        openai
            .findAll(
                postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                    .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("Hello?")))
            .size());
  }
}
