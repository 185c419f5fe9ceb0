package com.masseurmatch.waitlist.bridge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.masseurmatch.waitlist.model.store.embedded.EmbeddedDatabase;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedWaitlistStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signups left in the outbox by a stopped bridge are delivered when it starts again, once. */
class OutboxRestartIT {

  @TempDir Path data;

  private Map<String, String> env() {
    return Map.of(
        "STREAM_TOKEN_SECRET", "outbox-test-stream-secret-0123456789abcdef",
        "WAITLIST_DATA_DIR", data.toString(),
        "WAITLIST_STORE", "embedded",
        "WAITLIST_OUTBOX_INTERVAL", "200ms");
  }

  private WaitlistPage rows() {
    return new EmbeddedWaitlistStore(new EmbeddedDatabase(data), Clock.systemUTC())
        .list(WaitlistQuery.firstPage(10));
  }

  @Test
  void aNonEmptyOutboxIsDeliveredExactlyOnceAfterARestart() throws Exception {
    Path outbox = Files.createDirectories(data.resolve("outbox"));
    Files.writeString(
        outbox.resolve("0123456789abcdef0123456789abcdef.json"),
        "{\"fullName\":\"Ann Lee\",\"phone\":\"+14155550100\",\"email\":\"ann@example.com\","
            + "\"role\":\"therapist\",\"source\":\"phone\",\"callSid\":\"CA1\"}");

    for (int run = 0; run < 2; run++) {
      try (ServiceProcess bridge = ServiceProcess.start(env())) {
        bridge.awaitHttp("/api/health", Duration.ofSeconds(30));
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> Files.list(outbox).noneMatch(f -> f.toString().endsWith(".json")));
        bridge.terminate();
        assertNotEquals(-1, bridge.awaitExit(Duration.ofSeconds(20)));
      }
    }

    WaitlistPage page = rows();
    assertEquals(1, page.total());
    assertEquals("ann@example.com", page.items().get(0).email());
    assertEquals("CA1", page.items().get(0).callSid());
  }
}
