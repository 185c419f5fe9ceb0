package com.masseurmatch.waitlist.model.waitlist;

import com.masseurmatch.waitlist.model.text.Language;
import java.util.Optional;

/**
 * A page request over the waitlist, newest first.
 *
 * @param role only entries of this role, when present
 * @param search case-insensitive substring of name, e-mail or phone, when present
 * @param offset rows to skip
 * @param limit rows to return, 1 to {@link #MAX_LIMIT}
 * @param language only entries in this language, when present
 */
public record WaitlistQuery(
    Optional<Role> role,
    Optional<String> search,
    int offset,
    int limit,
    Optional<Language> language) {

  public static final int MAX_LIMIT = 500;

  public WaitlistQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    search = search.map(String::trim).filter(s -> !s.isEmpty());
    language = language == null ? Optional.empty() : language;
  }

  /** A query over every language. */
  public WaitlistQuery(Optional<Role> role, Optional<String> search, int offset, int limit) {
    this(role, search, offset, limit, Optional.empty());
  }

  /** The first page of everything. */
  public static WaitlistQuery firstPage(int limit) {
    return new WaitlistQuery(Optional.empty(), Optional.empty(), 0, limit);
  }
}
