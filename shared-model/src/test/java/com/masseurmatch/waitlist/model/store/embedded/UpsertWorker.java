package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.nio.file.Path;
import java.time.Clock;

/** Run in a separate JVM by {@link EmbeddedCrossProcessTest}: upserts one e-mail many times. */
public final class UpsertWorker {

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String email = args[1];
    int times = Integer.parseInt(args[2]);
    EmbeddedWaitlistStore store =
        new EmbeddedWaitlistStore(new EmbeddedDatabase(dir), Clock.systemUTC());
    int created = 0;
    for (int i = 0; i < times; i++) {
      SaveResult result =
          store.upsert(
              new WaitlistEntry(
                  "Worker " + args[3] + " " + i,
                  "+14155550100",
                  email,
                  Role.CLIENT,
                  Source.WEB,
                  null));
      if (result.created()) {
        created++;
      }
    }
    System.out.println("created=" + created);
  }
}
