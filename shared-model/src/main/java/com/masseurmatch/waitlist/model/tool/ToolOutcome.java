package com.masseurmatch.waitlist.model.tool;

import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.util.Map;
import java.util.UUID;

/**
 * What a tool call produced.
 *
 * @param output the JSON text returned to the model as {@code function_call_output}
 * @param result a short label for metrics and logs: created, updated, invalid, unavailable, ...
 * @param waitlistId the saved entry's id, when one was saved
 * @param collected the fields of the arguments that were valid, normalised (kept on the call so
 *     another path can continue)
 * @param unsaved a valid entry the store could not take (for the outbox), or null
 */
public record ToolOutcome(
    String output,
    String result,
    UUID waitlistId,
    Map<String, String> collected,
    WaitlistEntry unsaved) {

  /** An outcome that carries no signup data. */
  public static ToolOutcome of(String output, String result) {
    return new ToolOutcome(output, result, null, Map.of(), null);
  }
}
