package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.model.text.Language;
import java.util.Optional;
import java.util.function.Function;

/** The console's list pages' query parameters: the page number and optional choices. */
public final class ConsoleQuery {

  /** Rows on one page of a list. */
  public static final int PAGE_SIZE = 25;

  private ConsoleQuery() {}

  /** The page number (1 when absent); anything but 1 to 1,000,000 is a 400 page. */
  public static int pageNumber(String page) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    try {
      int number = Integer.parseInt(page.strip());
      if (number < 1 || number > 1_000_000) {
        throw new BadQueryException("page must be 1 or more");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadQueryException("page must be a number");
    }
  }

  /** The first row of a page of {@code size} rows. */
  public static int offset(int pageNumber, int size) {
    return (pageNumber - 1) * size;
  }

  /** How many pages of {@code size} rows {@code total} rows fill (at least one). */
  public static int pages(long total, int size) {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** An optional choice; a value the parser refuses is a 400 page naming the parameter. */
  public static <T> Optional<T> option(String value, Function<String, T> parser, String name) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("unknown " + name + ": " + value);
    }
  }

  /** A language code ({@code en}, {@code es}, {@code fr}), exactly; anything else is refused. */
  public static Language language(String code) {
    return Language.find(code)
        .filter(found -> found.code().equals(code))
        .orElseThrow(() -> new IllegalArgumentException("language must be en, es or fr"));
  }
}
