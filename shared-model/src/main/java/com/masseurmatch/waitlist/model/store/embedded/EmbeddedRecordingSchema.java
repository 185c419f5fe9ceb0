package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Statement;

/**
 * The recordings' table, the columns they and the analysis add to {@code calls}, and the trigger
 * that lists voicemails' recordings, as the Supabase migration has them. Times are milliseconds
 * since the epoch, as in the other embedded tables.
 */
final class EmbeddedRecordingSchema {

  private static final String UUID =
      "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
          + " || substr(lower(hex(randomblob(2))), 2) || '-'"
          + " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
          + " || '-' || lower(hex(randomblob(6)))";

  private static final String[] SCHEMA = {
    """
    create table if not exists recordings (
      id text primary key,
      recording_sid text unique,
      call_sid text not null,
      kind text not null default 'call' check (kind in ('call', 'voicemail')),
      status text not null default 'requested' check (status in ('requested', 'in-progress',
        'paused', 'stopped', 'completed', 'absent', 'failed', 'deleting')),
      channels integer,
      duration_s integer,
      consent_at integer not null,
      consent_method text not null check (consent_method in
        ('key', 'speech', 'announcement', 'voicemail')),
      error text,
      created_at integer not null,
      updated_at integer not null
    )""",
    "create index if not exists recordings_call_sid_idx on recordings (call_sid)",
    "create index if not exists recordings_created_at_idx on recordings (created_at)",
    "create trigger if not exists voicemails_list_recording after insert on voicemails begin\n"
        + " insert into recordings (id, recording_sid, call_sid, kind, status, duration_s,"
        + " consent_at, consent_method, created_at, updated_at) values ("
        + UUID
        + ", new.recording_sid, coalesce(new.call_sid, ''), 'voicemail', 'completed',"
        + " new.duration_s, new.created_at, 'voicemail', new.created_at, new.created_at)"
        + " on conflict (recording_sid) do update set duration_s = coalesce(excluded.duration_s,"
        + " duration_s);\nend",
    "create trigger if not exists voicemails_recording_duration after update of duration_s on"
        + " voicemails begin\n update recordings set duration_s = coalesce(new.duration_s,"
        + " duration_s) where recording_sid = new.recording_sid;\nend",
    "insert or ignore into recordings (id, recording_sid, call_sid, kind, status, duration_s,"
        + " consent_at, consent_method, created_at, updated_at) select "
        + UUID
        + ", recording_sid, coalesce(call_sid, ''), 'voicemail', 'completed', duration_s,"
        + " created_at, 'voicemail', created_at, created_at from voicemails",
  };

  private static final String[][] CALL_COLUMNS = {
    {"recording_consent", "text"},
    {"recording_consent_at", "integer"},
    {"recording_consent_method", "text"},
    {"analysis", "text"},
    {"analysis_status", "text"},
    {"analysis_model", "text"},
    {"analysis_usage", "text"},
    {"analysis_cost_usd", "text"},
    {"analysis_error", "text"},
    {"analyzed_at", "integer"},
  };

  private EmbeddedRecordingSchema() {}

  static void apply(EmbeddedDatabase database) {
    // messages and jobs are erased with the recordings: their tables come first
    EmbeddedConfirmationSchema.apply(database);
    database.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String[] column : CALL_COLUMNS) {
              EmbeddedDatabase.addColumnIfMissing(statement, "calls", column[0], column[1]);
            }
            for (String ddl : SCHEMA) {
              statement.execute(ddl);
            }
          }
          return null;
        });
  }
}
