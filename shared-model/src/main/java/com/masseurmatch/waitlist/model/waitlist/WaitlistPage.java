package com.masseurmatch.waitlist.model.waitlist;

import java.util.List;

/** One page of entries and the total number matching the query. */
public record WaitlistPage(List<StoredEntry> items, long total, int offset, int limit) {}
