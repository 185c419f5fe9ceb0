package com.masseurmatch.waitlist.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port that was free a moment ago, for a service about to be started on it. */
public final class FreePort {

  private FreePort() {}

  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
