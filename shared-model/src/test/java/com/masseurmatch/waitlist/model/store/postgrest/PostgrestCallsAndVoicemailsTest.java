package com.masseurmatch.waitlist.model.store.postgrest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgrestWireMock.class, restrictToAnnotatedClass = true)
class PostgrestCallsAndVoicemailsTest {

  @InjectPostgrest WireMockServer postgrest;
  @Inject CallRecordStore calls;
  @Inject VoicemailStore voicemails;

  @BeforeEach
  void reset() {
    postgrest.resetAll();
  }

  @Test
  void aCallUpsertSendsOnlyTheKnownFields() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/calls")).willReturn(aResponse().withStatus(201)));
    Instant end = Instant.parse("2026-11-23T12:01:30Z");

    calls.upsert(
        CallRecord.of("CA1")
            .withOutcome(CallOutcome.SIGNED_UP)
            .withPath(CallPath.REALTIME)
            .withEndedAt(end)
            .withTranscript(List.of(new TranscriptTurn("caller", "hi", end)))
            .withUsage(Map.of("output_audio_tokens", 1200L), new BigDecimal("0.0768")));

    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/calls"))
            .withQueryParam("on_conflict", equalTo("call_sid"))
            .withHeader("Prefer", equalTo("resolution=merge-duplicates,return=minimal"))
            .withRequestBody(
                equalToJson(
                    """
                    {"call_sid":"CA1","ended_at":"2026-11-23T12:01:30Z","path":"realtime",
                     "outcome":"signed_up",
                     "transcript":[{"speaker":"caller","text":"hi","at":"2026-11-23T12:01:30Z"}],
                     "usage":{"output_audio_tokens":1200},"cost_usd":0.0768}
                    """)));
  }

  @Test
  void aCallIsFoundByItsSid() {
    postgrest.stubFor(
        get(urlPathEqualTo("/rest/v1/calls"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        [{"call_sid":"CA1","from_number":"+14155550100","path":"fallback",
                          "outcome":"abandoned","started_at":"2026-11-23T12:00:00+00:00",
                          "ended_at":null,"waitlist_id":null,"transcript":null,"usage":null,
                          "cost_usd":null}]
                        """)));

    CallRecord record = calls.find("CA1").orElseThrow();

    assertEquals(CallPath.FALLBACK, record.path());
    assertEquals(CallOutcome.ABANDONED, record.outcome());
    assertEquals(Instant.parse("2026-11-23T12:00:00Z"), record.startedAt());
    postgrest.verify(
        getRequestedFor(urlPathEqualTo("/rest/v1/calls"))
            .withQueryParam("call_sid", equalTo("eq.CA1"))
            .withQueryParam("limit", equalTo("1")));
  }

  @Test
  void aVoicemailUpsertIsKeyedByRecordingSid() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/voicemails"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        """
                        [{"id":"6f1c1b7e-8d8e-4a51-9d43-2e0f7c1c0a11","call_sid":"CA1",
                          "from_number":"+14155550100","recording_sid":"RE1",
                          "recording_url":"https://api.twilio.com/RE1","duration_s":12,
                          "transcription":null,"created_at":"2026-11-23T12:00:00+00:00"}]
                        """)));

    Voicemail stored =
        voicemails.upsert(
            new Voicemail(
                null, "CA1", "+14155550100", "RE1", "https://api.twilio.com/RE1", 12, null, null));

    assertEquals(12, stored.durationSeconds());
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/voicemails"))
            .withQueryParam("on_conflict", equalTo("recording_sid"))
            .withRequestBody(
                equalToJson(
                    """
                    {"call_sid":"CA1","from_number":"+14155550100","recording_sid":"RE1",
                     "recording_url":"https://api.twilio.com/RE1","duration_s":12}
                    """)));
  }
}
