package com.masseurmatch.waitlist.model.tool;

import java.util.UUID;

/**
 * What a tool call produced.
 *
 * @param output the JSON text returned to the model as {@code function_call_output}
 * @param result a short label for metrics and logs: created, updated, invalid, unavailable, ...
 * @param waitlistId the saved entry's id, when one was saved
 */
public record ToolOutcome(String output, String result, UUID waitlistId) {}
