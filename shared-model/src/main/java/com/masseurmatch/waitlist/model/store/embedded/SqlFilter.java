package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** A {@code where} clause and its arguments, shared by a page's query and its count. */
record SqlFilter(String sql, Object... args) {

  long count(Connection c, String table) throws SQLException {
    try (PreparedStatement count = prepare(c, "select count(*) from " + table + sql);
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

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
