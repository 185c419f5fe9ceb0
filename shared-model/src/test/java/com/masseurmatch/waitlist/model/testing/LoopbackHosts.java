package com.masseurmatch.waitlist.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Host names that resolve to 127.0.0.1 through a hosts file of the test's own. Only Vert.x'
 * asynchronous resolver reads it ({@code quarkus.vertx.use-async-dns}); the JDK's resolver does not
 * know the names, so a service reached by one of them also checks that the service resolves names
 * off the event loop.
 */
public final class LoopbackHosts {

  private LoopbackHosts() {}

  /** The setting that points the service's resolver at a hosts file naming {@code names}. */
  public static Map<String, String> setting(String... names) {
    StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
    for (String name : names) {
      lines.append("127.0.0.1 ").append(name).append('\n');
    }
    try {
      Path hosts = Files.createTempFile("test-hosts", "");
      hosts.toFile().deleteOnExit();
      Files.writeString(hosts, lines);
      return Map.of("quarkus.vertx.resolver.hosts-path", hosts.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
