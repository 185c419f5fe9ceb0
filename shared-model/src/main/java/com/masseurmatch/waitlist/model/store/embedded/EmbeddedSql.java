package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Statements with positional arguments, for the console's embedded queries. */
final class EmbeddedSql {

  private EmbeddedSql() {}

  /** Runs a change; the number of rows it touched. */
  static int execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, args)) {
      return statement.executeUpdate();
    }
  }

  /** Runs a query; the statement closes with its result set. */
  static ResultSet query(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement statement = prepare(c, sql, args);
    statement.closeOnCompletion();
    return statement.executeQuery();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
