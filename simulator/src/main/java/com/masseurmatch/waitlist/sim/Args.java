package com.masseurmatch.waitlist.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options of a command; unknown names are an error, so typos are seen. */
public final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> read = new HashSet<>();

  public Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("expected an option, got " + name);
      }
      String key = name.substring(2);
      int eq = key.indexOf('=');
      if (eq > 0) {
        values.put(key.substring(0, eq), key.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(key, args[++i]);
      } else {
        values.put(key, "true");
      }
    }
  }

  public Optional<String> text(String name) {
    read.add(name);
    return Optional.ofNullable(values.get(name));
  }

  public String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  public int integer(String name, int fallback) {
    return text(name).map(Integer::parseInt).orElse(fallback);
  }

  public boolean flag(String name) {
    return text(name).map(Boolean::parseBoolean).orElse(false);
  }

  /** Seconds, possibly fractional ({@code 2.5}). */
  public Duration seconds(String name, double fallback) {
    double seconds = text(name).map(Double::parseDouble).orElse(fallback);
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** Fails on options nobody asked for. Call after every option was read. */
  public void rejectUnknown() {
    Set<String> unknown = new HashSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unknown));
    }
  }
}
