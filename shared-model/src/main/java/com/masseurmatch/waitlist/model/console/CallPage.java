package com.masseurmatch.waitlist.model.console;

import java.util.List;

/** One page of calls and the number matching the search. */
public record CallPage(List<CallSummary> items, long total, int offset, int limit) {}
