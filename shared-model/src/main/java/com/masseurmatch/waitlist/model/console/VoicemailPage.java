package com.masseurmatch.waitlist.model.console;

import java.util.List;

/** One page of voicemails and the number matching. */
public record VoicemailPage(List<VoicemailItem> items, long total, int offset, int limit) {}
