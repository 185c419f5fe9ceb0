package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The embedded {@code experiments} table: its schema and how a row becomes an {@link Experiment}.
 */
final class EmbeddedExperimentRows {

  static final String COLUMNS =
      "id, name, language, status, variants, created_at, started_at, stopped_at";

  /** Times are milliseconds since the epoch; the variants are a JSON array. */
  static final String[] SCHEMA = {
    """
    create table if not exists experiments (
      id text primary key,
      name text not null,
      language text,
      status text not null default 'draft'
        check (status in ('draft', 'running', 'stopped')),
      variants text not null,
      created_at integer not null,
      started_at integer,
      stopped_at integer
    )""",
    "create index if not exists experiments_created_at_idx on experiments (created_at desc)",
    "create index if not exists calls_experiment_idx on calls (experiment_id, variant)",
  };

  private static final TypeReference<List<Variant>> VARIANTS = new TypeReference<>() {};

  private EmbeddedExperimentRows() {}

  static Experiment experiment(ResultSet row, ObjectMapper json) throws SQLException {
    return new Experiment(
        UUID.fromString(row.getString("id")),
        row.getString("name"),
        row.getString("language"),
        row.getString("status"),
        variants(row.getString("variants"), json),
        EmbeddedCallRecordStore.instant(row, "created_at"),
        EmbeddedCallRecordStore.instant(row, "started_at"),
        EmbeddedCallRecordStore.instant(row, "stopped_at"));
  }

  /** The variants column's text. */
  static String variants(List<Variant> variants, ObjectMapper json) {
    try {
      return json.writeValueAsString(variants);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the variants", e);
    }
  }

  private static List<Variant> variants(String text, ObjectMapper json) {
    try {
      return json.readValue(text, VARIANTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable variants in the experiments table", e);
    }
  }
}
