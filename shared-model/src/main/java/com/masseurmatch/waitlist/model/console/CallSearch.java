package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.text.Language;
import java.util.Optional;

/**
 * A page of calls, newest first, optionally of one path, one outcome, one language and one
 * experiment variant (by name).
 */
public record CallSearch(
    Optional<CallPath> path,
    Optional<CallOutcome> outcome,
    int offset,
    int limit,
    Optional<Language> language,
    Optional<String> variant) {

  public static final int MAX_LIMIT = 200;

  public CallSearch {
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
    }
    language = language == null ? Optional.empty() : language;
    variant = variant == null ? Optional.empty() : variant;
  }

  /** A search over every variant. */
  public CallSearch(
      Optional<CallPath> path,
      Optional<CallOutcome> outcome,
      int offset,
      int limit,
      Optional<Language> language) {
    this(path, outcome, offset, limit, language, Optional.empty());
  }

  /** A search over every language. */
  public CallSearch(Optional<CallPath> path, Optional<CallOutcome> outcome, int offset, int limit) {
    this(path, outcome, offset, limit, Optional.empty(), Optional.empty());
  }
}
