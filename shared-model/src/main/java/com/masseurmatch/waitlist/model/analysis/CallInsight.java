package com.masseurmatch.waitlist.model.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A call as the admin API and the console's follow-up queue show it: the record's outline, the
 * recording consent and the analysis with its status, model and cost.
 *
 * @param analysisStatus {@code pending}, {@code done}, {@code skipped}, {@code failed}, {@code
 *     erased}, or null when the call had nothing to analyse
 */
public record CallInsight(
    String callSid,
    String fromNumber,
    Instant startedAt,
    Instant endedAt,
    String path,
    String outcome,
    UUID waitlistId,
    BigDecimal costUsd,
    String recordingConsent,
    Instant recordingConsentAt,
    String recordingConsentMethod,
    CallAnalysis analysis,
    String analysisStatus,
    String analysisModel,
    Map<String, Long> analysisUsage,
    BigDecimal analysisCostUsd,
    String analysisError,
    Instant analyzedAt) {}
