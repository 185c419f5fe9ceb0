package com.masseurmatch.waitlist.model.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes, as ivr-service and realtime-bridge on one machine, share one database file. */
class EmbeddedCrossProcessTest {

  @TempDir Path dir;

  @Test
  void concurrentUpsertsOfOneEmailFromTwoProcessesMakeOneRow() throws Exception {
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      workers.add(startWorker("shared@example.com", 40, "p" + i));
    }
    int created = 0;
    for (Process worker : workers) {
      assertEquals(true, worker.waitFor(60, TimeUnit.SECONDS), "worker timed out");
      String out = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, worker.exitValue(), out);
      created += Integer.parseInt(out.trim().replaceAll("(?s).*created=(\\d+).*", "$1"));
    }
    assertEquals(1, created, "exactly one process may have created the row");
    WaitlistPage page =
        new EmbeddedWaitlistStore(new EmbeddedDatabase(dir), Clock.systemUTC())
            .list(WaitlistQuery.firstPage(10));
    assertEquals(1, page.total());
    assertEquals("shared@example.com", page.items().get(0).email());
  }

  private Process startWorker(String email, int times, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            UpsertWorker.class.getName(),
            dir.toString(),
            email,
            Integer.toString(times),
            name)
        .redirectErrorStream(true)
        .start();
  }
}
