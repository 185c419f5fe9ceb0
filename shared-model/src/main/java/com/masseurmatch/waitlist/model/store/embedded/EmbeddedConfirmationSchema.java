package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Statement;

/**
 * The confirmations' tables in the embedded database and the triggers that enqueue confirmation
 * jobs in the transaction that saves an entry, as the Supabase migration does. Times are
 * milliseconds since the epoch, as in the other embedded tables.
 */
final class EmbeddedConfirmationSchema {

  private static final String NOW_MS = "cast(unixepoch('subsec') * 1000 as integer)";

  private static final String UUID =
      "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
          + " || substr(lower(hex(randomblob(2))), 2) || '-'"
          + " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
          + " || '-' || lower(hex(randomblob(6)))";

  private static final String[] SCHEMA = {
    """
    create table if not exists messages (
      id text primary key,
      dedupe_key text not null unique,
      waitlist_id text,
      channel text not null check (channel in ('sms', 'email')),
      purpose text not null check (purpose in ('signup', 'change')),
      destination text not null,
      status text not null default 'sending' check (status in ('sending', 'retrying', 'sent',
        'delivered', 'undelivered', 'failed', 'not_configured', 'opted_out', 'skipped')),
      provider_id text,
      error_code text,
      error text,
      attempts integer not null default 0,
      created_at integer not null,
      updated_at integer not null
    )""",
    "create index if not exists messages_created_at_idx on messages (created_at desc, id desc)",
    "create index if not exists messages_provider_id_idx on messages (provider_id)",
    """
    create table if not exists sms_opt_outs (
      phone text primary key,
      opted_out integer not null,
      keyword text,
      changed_at integer not null
    )""",
    """
    create table if not exists email_opt_outs (
      email text primary key,
      opted_out_at integer not null
    )""",
    """
    create table if not exists pending_changes (
      id text primary key,
      waitlist_id text not null unique,
      full_name text not null,
      phone text not null,
      role text not null check (role in ('therapist', 'client')),
      source text not null,
      call_sid text,
      version text not null,
      created_at integer not null,
      updated_at integer not null
    )""",
    trigger(
        "waitlist_confirmations_insert",
        "after insert on waitlist",
        job("sms", "'signup'", "new.id", "new.phone", "hex(new.phone)", null, null)
            + job("email", "'signup'", "new.id", "new.email", "hex(new.email)", null, null)),
    trigger(
        "waitlist_confirmations_phone",
        "after update of phone on waitlist when new.phone is not old.phone",
        job("sms", "'signup'", "new.id", "new.phone", "hex(new.phone)", null, null)),
    trigger(
        "waitlist_confirmations_email",
        "after update of email on waitlist when new.email is not old.email",
        job("email", "'signup'", "new.id", "new.email", "hex(new.email)", null, null)),
    trigger(
        "waitlist_pending_changes_cascade",
        "after delete on waitlist",
        "delete from pending_changes where waitlist_id = old.id;\n"),
    trigger("pending_change_notices_insert", "after insert on pending_changes", notices()),
    trigger(
        "pending_change_notices_update",
        "after update of version on pending_changes when new.version is not old.version",
        notices()),
  };

  private EmbeddedConfirmationSchema() {}

  static void apply(EmbeddedDatabase database) {
    database.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            // the triggers write to the job queue, which any store opening the file may precede
            for (String ddl : EmbeddedJobRows.SCHEMA) {
              statement.execute(ddl);
            }
            for (String ddl : SCHEMA) {
              statement.execute(ddl);
            }
          }
          return null;
        });
  }

  private static String notices() {
    String owner = "(select %s from waitlist where id = new.waitlist_id)";
    return job(
            "sms",
            "'change'",
            "new.waitlist_id",
            owner.formatted("phone"),
            "new.version",
            "new.id",
            "new.version")
        + job(
            "email",
            "'change'",
            "new.waitlist_id",
            owner.formatted("email"),
            "new.version",
            "new.id",
            "new.version");
  }

  private static String trigger(String name, String when, String body) {
    return "create trigger if not exists " + name + " " + when + " begin\n" + body + "end";
  }

  /** One {@code insert or ignore} into {@code jobs}: the dedupe key makes a repeat a no-op. */
  private static String job(
      String channel,
      String purpose,
      String waitlistId,
      String destination,
      String keyPart,
      String changeId,
      String version) {
    String payload =
        "json_object('purpose', "
            + purpose
            + ", 'waitlist_id', "
            + waitlistId
            + ", 'destination', "
            + destination
            + (changeId == null ? "" : ", 'change_id', " + changeId + ", 'version', " + version)
            + ")";
    String key =
        "'"
            + channel
            + ":' || "
            + purpose
            + " || ':' || "
            + (changeId == null ? waitlistId : changeId)
            + " || ':' || "
            + keyPart;
    return "insert or ignore into jobs (id, kind, payload, dedupe_key, run_at, created_at,"
        + " updated_at) values ("
        + UUID
        + ", 'confirmation."
        + channel
        + "', "
        + payload
        + ", "
        + key
        + ", "
        + NOW_MS
        + ", "
        + NOW_MS
        + ", "
        + NOW_MS
        + ");\n";
  }
}
