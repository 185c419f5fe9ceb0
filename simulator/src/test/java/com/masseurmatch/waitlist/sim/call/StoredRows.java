package com.masseurmatch.waitlist.sim.call;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads what the services stored in their embedded database, for the end-to-end tests. */
final class StoredRows {

  private StoredRows() {}

  /** The first row of {@code sql} (one {@code ?}: the call SID) as text, or empty. */
  static List<String> first(Path db, String sql, String callSid) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, callSid);
      try (ResultSet rows = query.executeQuery()) {
        List<String> out = new ArrayList<>();
        if (rows.next()) {
          for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            out.add(rows.getString(i));
          }
        }
        return out;
      }
    }
  }
}
