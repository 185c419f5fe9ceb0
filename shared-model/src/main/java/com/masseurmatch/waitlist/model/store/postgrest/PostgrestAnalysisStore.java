package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.analysis.SentimentDay;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analysis on {@code calls} through the migration's functions. */
public final class PostgrestAnalysisStore implements AnalysisStore {

  private final PostgrestClient client;

  public PostgrestAnalysisStore(SupabaseConfig config, ObjectMapper rowJson) {
    this.client = new PostgrestClient(config, rowJson);
  }

  @Override
  public boolean save(
      String callSid,
      CallAnalysis analysis,
      String model,
      Map<String, Long> usage,
      BigDecimal costUsd) {
    return PostgrestRpc.call(
        client,
        "call_analysis_save",
        new TypeReference<Boolean>() {},
        "p_call_sid",
        callSid,
        "p_analysis",
        analysis,
        "p_model",
        model,
        "p_usage",
        usage,
        "p_cost_usd",
        costUsd);
  }

  @Override
  public boolean mark(String callSid, String status, String error) {
    return PostgrestRpc.call(
        client,
        "call_analysis_mark",
        new TypeReference<Boolean>() {},
        "p_call_sid",
        callSid,
        "p_status",
        status,
        "p_error",
        error);
  }

  @Override
  public Optional<CallInsight> call(String callSid) {
    return insights(callSid, false, 0, 1).stream().findFirst();
  }

  @Override
  public List<CallInsight> calls(boolean followUpOnly, int offset, int limit) {
    return insights(null, followUpOnly, offset, limit);
  }

  private List<CallInsight> insights(String callSid, boolean followUpOnly, int offset, int limit) {
    return PostgrestRpc.call(
        client,
        "call_insights",
        new TypeReference<List<CallInsight>>() {},
        "p_call_sid",
        callSid,
        "p_follow_up_only",
        followUpOnly,
        "p_offset",
        offset,
        "p_limit",
        limit);
  }

  @Override
  public List<SentimentDay> sentimentByDay(Instant from, Instant to) {
    return PostgrestRpc.call(
        client,
        "call_sentiment_by_day",
        new TypeReference<List<SentimentDay>>() {},
        "p_from",
        from.toString(),
        "p_to",
        to.toString());
  }
}
