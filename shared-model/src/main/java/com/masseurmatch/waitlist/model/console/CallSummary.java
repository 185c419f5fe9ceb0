package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One call in the console's list: no transcript, no usage details; its language and, when it was
 * part of an experiment, its variant.
 */
public record CallSummary(
    String callSid,
    String fromNumber,
    Instant startedAt,
    Instant endedAt,
    CallPath path,
    CallOutcome outcome,
    UUID waitlistId,
    BigDecimal costUsd,
    String language,
    String variant) {}
