package com.masseurmatch.waitlist.model.waitlist;

import java.util.EnumMap;
import java.util.Map;

/** Adds up (role, source, count) groups into {@link WaitlistStats}, every role and source shown. */
public final class StatsTally {

  private final Map<Role, Long> byRole = new EnumMap<>(Role.class);
  private final Map<Source, Long> bySource = new EnumMap<>(Source.class);
  private long total;

  public StatsTally() {
    for (Role role : Role.values()) {
      byRole.put(role, 0L);
    }
    for (Source source : Source.values()) {
      bySource.put(source, 0L);
    }
  }

  /** One group; a null role or source still counts toward the total. */
  public void add(Role role, Source source, long entries) {
    total += entries;
    if (role != null) {
      byRole.merge(role, entries, Long::sum);
    }
    if (source != null) {
      bySource.merge(source, entries, Long::sum);
    }
  }

  public WaitlistStats stats() {
    return new WaitlistStats(total, byRole, bySource);
  }
}
