package com.masseurmatch.waitlist.bridge.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The default of {@code bridge.event-loops} ({@code BRIDGE_EVENT_LOOPS}): the processors this
 * process may run on (in a container, its CPU limit). Lowest priority: any setting wins.
 */
public class EventLoopsConfigSource implements ConfigSource {

  static final String KEY = "bridge.event-loops";

  @Override
  public Map<String, String> getProperties() {
    return Map.of(KEY, getValue(KEY));
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    return KEY.equals(propertyName)
        ? Integer.toString(Runtime.getRuntime().availableProcessors())
        : null;
  }

  @Override
  public String getName() {
    return "bridge-event-loops-default";
  }

  @Override
  public int getOrdinal() {
    return 10;
  }
}
