package com.masseurmatch.waitlist.model.analysis;

import java.util.List;

/**
 * What the post-call analysis says about a call, exactly the fields of its JSON schema.
 *
 * @param summary two sentences (cleared with the transcript when it expires)
 * @param sentiment the caller's mood, -1 (negative) to 1 (positive)
 * @param satisfaction 1 to 5
 * @param outcomeReason one of {@link #REASONS}
 * @param followUpReason why the team should follow up, or null (cleared with the transcript)
 * @param language the language spoken, as an ISO 639-1 code
 */
public record CallAnalysis(
    String summary,
    Double sentiment,
    Integer satisfaction,
    String outcomeReason,
    Boolean followUp,
    String followUpReason,
    String language) {

  /** The reasons an outcome can have. */
  public static final List<String> REASONS =
      List.of("signed_up", "declined", "confused", "technical_problem", "wanted_a_person");
}
