package com.masseurmatch.waitlist.ivr.analysis;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobHandler;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.text.Resources;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code call.analysis} job: reads the finished call's transcript, asks {@link AnalysisClient}
 * for its analysis and stores it whole on the call. Without an OpenAI key (or with {@code
 * ANALYSIS_ENABLED=false}) the call is marked {@code skipped}; a failure is retried with the job's
 * backoff, and after the last attempt the call is marked {@code failed}.
 */
@Singleton
public class CallAnalysisJob implements JobHandler {

  static final String PROMPT = "/prompts/call-analysis.txt";

  private final CallRecordStore calls;
  private final AnalysisStore store;
  private final AnalysisClient client;
  private final AnalysisConfig config;
  private final String instructions;

  CallAnalysisJob(
      CallRecordStore calls,
      AnalysisStore store,
      AnalysisClient client,
      AnalysisConfig config,
      IvrConfig ivr) {
    this.calls = calls;
    this.store = store;
    this.client = client;
    this.config = config;
    this.instructions =
        Resources.text(PROMPT)
            .replace("{brand}", ivr.brand())
            .replace("{persona_lower}", ivr.persona().toLowerCase(Locale.ROOT))
            .replace("{persona}", ivr.persona());
  }

  @Override
  public String kind() {
    return RecordingJobs.ANALYSIS;
  }

  @Override
  public Duration lease() {
    return config.timeout().plusSeconds(30);
  }

  @Override
  public void handle(Job job) {
    String callSid = job.payload().path("call_sid").asText();
    CallRecord call = calls.find(callSid).orElse(null);
    List<TranscriptTurn> turns = call == null ? List.of() : FallbackTranscript.of(call);
    if (turns.isEmpty()) {
      Log.infof("call %s: no transcript to analyse", callSid);
      return;
    }
    if (!config.enabled() || !client.configured()) {
      String why = !config.enabled() ? "ANALYSIS_ENABLED is false" : "OPENAI_API_KEY is not set";
      store.mark(callSid, "skipped", why);
      Log.infof("call %s: analysis skipped (%s)", callSid, why);
      return;
    }
    AnalysisClient.Result result;
    try {
      result = client.analyse(instructions, transcript(turns));
    } catch (RuntimeException e) {
      if (job.lastAttempt()) {
        store.mark(callSid, "failed", e.getMessage());
        Log.warnf(
            "call %s: analysis failed after %d attempts: %s",
            callSid, job.attempts(), e.getMessage());
      }
      throw e;
    }
    store.save(callSid, result.analysis(), result.model(), result.usage(), result.costUsd());
    Log.infof(
        "call %s: analysis stored (%s, %d tokens)",
        callSid, result.model(), result.usage().get("total_tokens"));
  }

  /** The transcript as lines {@code speaker: text}, cut to the configured length. */
  String transcript(List<TranscriptTurn> turns) {
    StringBuilder text = new StringBuilder();
    for (TranscriptTurn turn : turns) {
      text.append(turn.speaker()).append(": ").append(turn.text()).append('\n');
      if (text.length() > config.maxTranscriptChars()) {
        text.setLength(config.maxTranscriptChars());
        break;
      }
    }
    return text.toString();
  }
}
