package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.confirm.Channel;
import java.util.Optional;

/** A page of confirmation messages, newest first, optionally of one channel and one status. */
public record MessageSearch(
    Optional<Channel> channel, Optional<String> status, int offset, int limit) {

  public static final int MAX_LIMIT = 200;

  public MessageSearch {
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
    }
  }
}
