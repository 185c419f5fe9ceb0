package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.EntrySearch;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The console's waitlist search as a SQLite {@code where} clause. */
final class EmbeddedEntryFilter {

  private EmbeddedEntryFilter() {}

  static SqlFilter of(EntrySearch search) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> args = new ArrayList<>();
    search
        .text()
        .ifPresent(
            text -> {
              // LIKE is case-insensitive for ASCII in SQLite; the pattern's wildcards are escaped
              String pattern = "%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%";
              where.append(
                  " and (full_name like ? escape '\\' or email like ? escape '\\'"
                      + " or phone like ? escape '\\')");
              args.add(pattern);
              args.add(pattern);
              args.add(pattern);
            });
    search
        .role()
        .ifPresent(
            role -> {
              where.append(" and role = ?");
              args.add(role.wireName());
            });
    search
        .source()
        .ifPresent(
            source -> {
              where.append(" and source = ?");
              args.add(source.wireName());
            });
    search
        .language()
        .ifPresent(
            language -> {
              where.append(" and language = ?");
              args.add(language.code());
            });
    search
        .from()
        .ifPresent(
            day -> {
              where.append(" and created_at >= ?");
              args.add(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            });
    search
        .to()
        .ifPresent(
            day -> {
              where.append(" and created_at < ?");
              args.add(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            });
    return new SqlFilter(where.toString(), args.toArray());
  }
}
