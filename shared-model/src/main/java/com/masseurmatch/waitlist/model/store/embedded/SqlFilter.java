package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@code where} clause and its arguments, shared by a page's query and its count. */
record SqlFilter(String sql, Object... args) {

  long count(Connection c, String table) throws SQLException {
    try (PreparedStatement count = prepare(c, "select count(*) from " + table + sql);
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * One page of {@code table}'s rows matching this filter, in {@code order}, read by {@code
   * reader}, with how many match in all.
   */
  <T> Paged<T> page(
      Connection c,
      String columns,
      String table,
      String order,
      int offset,
      int limit,
      RowReader<T> reader)
      throws SQLException {
    long total = count(c, table);
    List<T> rows = new ArrayList<>();
    try (PreparedStatement page =
            prepare(
                c,
                "select "
                    + columns
                    + " from "
                    + table
                    + sql
                    + " order by "
                    + order
                    + " limit ? offset ?",
                limit,
                offset);
        ResultSet result = page.executeQuery()) {
      while (result.next()) {
        rows.add(reader.read(result));
      }
    }
    return new Paged<>(rows, total);
  }

  /** Reads one row of a result. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** A page's rows and the number of matching rows in all. */
  record Paged<T>(List<T> rows, long total) {}

  /** Prepares a statement binding this filter's arguments, then {@code more}. */
  PreparedStatement prepare(Connection c, String query, Object... more) throws SQLException {
    PreparedStatement statement = c.prepareStatement(query);
    Object[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    for (int i = 0; i < all.length; i++) {
      statement.setObject(i + 1, all[i]);
    }
    return statement;
  }
}
