package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import java.util.List;

/** One page of confirmation messages and how many match in all. */
public record MessagePage(List<MessageRecord> items, long total, int offset, int limit) {}
