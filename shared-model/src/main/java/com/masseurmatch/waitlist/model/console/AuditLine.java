package com.masseurmatch.waitlist.model.console;

import java.time.Instant;

/**
 * A change made in the console: who, when, what ({@code edit}, {@code erase}, {@code
 * voicemail_handled}), on which row id, and the changed field names or the erasure's reason.
 */
public record AuditLine(Instant at, String operator, String action, String target, String detail) {}
