package com.masseurmatch.waitlist.ivr.admin.waitlist;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.ivr.admin.ConsoleQuery;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.EntrySort;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The waitlist page's query string, parsed and checked once: search text, role, source, date range,
 * sort column and direction, page number, language. Renders links back to the page with some of it
 * changed.
 */
public record WaitlistFilters(
    String q,
    String role,
    String source,
    String from,
    String to,
    String sort,
    String dir,
    int page,
    String language) {

  static final int PAGE_SIZE = ConsoleQuery.PAGE_SIZE;

  /** The filter's query parameters as sent, before {@link #parse} checks them. */
  public static class Params {
    @RestQuery String q;
    @RestQuery String role;
    @RestQuery String source;
    @RestQuery String from;
    @RestQuery String to;
    @RestQuery String sort;
    @RestQuery String dir;
    @RestQuery String language;
  }

  /**
   * Checks each parameter, language ({@code en}, {@code es}, {@code fr}) included; an unknown value
   * is a 400 page, never a silent default.
   */
  static WaitlistFilters parse(Params sent, String page) {
    WaitlistFilters filters =
        new WaitlistFilters(
            blank(sent.q),
            blank(sent.role),
            blank(sent.source),
            blank(sent.from),
            blank(sent.to),
            sent.sort == null || sent.sort.isBlank() ? "created_at" : sent.sort,
            sent.dir == null || sent.dir.isBlank() ? "desc" : sent.dir,
            ConsoleQuery.pageNumber(page),
            blank(sent.language));
    filters.search(0, 1); // validates
    return filters;
  }

  /** The store search for one page of this filter, or for an export. */
  EntrySearch search(int offset, int limit) {
    try {
      if (!dir.equals("asc") && !dir.equals("desc")) {
        throw new BadQueryException("dir must be asc or desc");
      }
      return new EntrySearch(
          Optional.ofNullable(q),
          Optional.ofNullable(role).map(Role::fromWire),
          Optional.ofNullable(source).map(Source::fromWire),
          Optional.ofNullable(from).map(LocalDate::parse),
          Optional.ofNullable(to).map(LocalDate::parse),
          EntrySort.fromColumn(sort),
          dir.equals("desc"),
          offset,
          limit,
          Optional.ofNullable(language).map(ConsoleQuery::language));
    } catch (DateTimeParseException e) {
      throw new BadQueryException("dates are written YYYY-MM-DD");
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(e.getMessage());
    }
  }

  EntrySearch pageSearch() {
    return search((page - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  /** The query string with the page changed ({@code ?...}). */
  public String withPage(int newPage) {
    return query(sort, dir, newPage);
  }

  /** The previous page's query string. */
  public String previous() {
    return withPage(page - 1);
  }

  /** The next page's query string. */
  public String next() {
    return withPage(page + 1);
  }

  /** The query string sorted by a column: the other direction when already sorted by it. */
  public String sortedBy(String column) {
    String newDir = column.equals(sort) && dir.equals("desc") ? "asc" : "desc";
    return query(column, newDir, 1);
  }

  /** {@code ascending}, {@code descending} or {@code none}, for a column's {@code aria-sort}. */
  public String ariaSort(String column) {
    return !column.equals(sort) ? "none" : dir.equals("asc") ? "ascending" : "descending";
  }

  /** The filters without paging, for the CSV link. */
  public String exportQuery() {
    return query(sort, dir, 0);
  }

  public boolean is(String field, String value) {
    String current =
        switch (field) {
          case "role" -> role;
          case "source" -> source;
          case "language" -> language;
          default -> null;
        };
    return value.equals(current);
  }

  public String text(String field) {
    String value =
        switch (field) {
          case "q" -> q;
          case "from" -> from;
          case "to" -> to;
          default -> null;
        };
    return value == null ? "" : value;
  }

  private String query(String sortColumn, String direction, int pageNumber) {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "q", q);
    put(params, "role", role);
    put(params, "source", source);
    put(params, "language", language);
    put(params, "from", from);
    put(params, "to", to);
    params.put("sort", sortColumn);
    params.put("dir", direction);
    if (pageNumber > 1) {
      params.put("page", Integer.toString(pageNumber));
    }
    return "?"
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static void put(Map<String, String> params, String key, String value) {
    if (value != null) {
      params.put(key, value);
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
