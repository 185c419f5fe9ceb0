package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A search over the waitlist for the console.
 *
 * @param text case-insensitive part of the name, e-mail or phone
 * @param from first UTC day of {@code created_at}, inclusive
 * @param to last UTC day of {@code created_at}, inclusive
 * @param limit rows per page, 1 to {@link #MAX_LIMIT}
 * @param language only entries in this language, when present
 */
public record EntrySearch(
    Optional<String> text,
    Optional<Role> role,
    Optional<Source> source,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    EntrySort sort,
    boolean descending,
    int offset,
    int limit,
    Optional<Language> language) {

  public static final int MAX_LIMIT = 500;

  public EntrySearch {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    text = text.map(String::trim).filter(t -> !t.isEmpty());
    language = language == null ? Optional.empty() : language;
  }

  /** A search over every language. */
  public EntrySearch(
      Optional<String> text,
      Optional<Role> role,
      Optional<Source> source,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      EntrySort sort,
      boolean descending,
      int offset,
      int limit) {
    this(text, role, source, from, to, sort, descending, offset, limit, Optional.empty());
  }

  /** The same search at another offset and limit. */
  public EntrySearch page(int newOffset, int newLimit) {
    return new EntrySearch(
        text, role, source, from, to, sort, descending, newOffset, newLimit, language);
  }
}
