package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.AuditLine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The console's audit lines in the embedded database: who changed what, when and why. */
final class EmbeddedAudit {

  private final Clock clock;

  EmbeddedAudit(Clock clock) {
    this.clock = clock;
  }

  /** Adds a line in the transaction of the change it records. */
  void add(Connection c, String operator, String action, String target, String detail)
      throws SQLException {
    EmbeddedSql.execute(
        c,
        "insert into admin_audit (at, operator, action, target, detail) values (?, ?, ?, ?, ?)",
        clock.millis(),
        operator,
        action,
        target,
        detail);
  }

  static List<AuditLine> latest(Connection c, int limit) throws SQLException {
    List<AuditLine> lines = new ArrayList<>();
    try (ResultSet rows =
        EmbeddedSql.query(
            c,
            "select at, operator, action, target, detail from admin_audit"
                + " order by at desc, id desc limit ?",
            limit)) {
      while (rows.next()) {
        lines.add(
            new AuditLine(
                Instant.ofEpochMilli(rows.getLong(1)),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5)));
      }
    }
    return lines;
  }
}
