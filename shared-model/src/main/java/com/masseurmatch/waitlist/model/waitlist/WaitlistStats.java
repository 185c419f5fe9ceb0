package com.masseurmatch.waitlist.model.waitlist;

import java.util.Map;

/** Counts for the operator: everything, by role and by source. */
public record WaitlistStats(long total, Map<Role, Long> byRole, Map<Source, Long> bySource) {}
