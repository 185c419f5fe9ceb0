package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** JDBC helpers of the recordings' embedded stores: statements with positional arguments. */
final class RecordingSql {

  private RecordingSql() {}

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, args);
      return statement.executeUpdate();
    }
  }

  static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, args);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

  static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object value = args[i];
      if (value == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (value instanceof Long l) {
        statement.setLong(i + 1, l);
      } else if (value instanceof Integer n) {
        statement.setInt(i + 1, n);
      } else if (value instanceof Boolean b) {
        statement.setInt(i + 1, b ? 1 : 0);
      } else {
        statement.setString(i + 1, value.toString());
      }
    }
  }

  static Integer integer(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }
}
