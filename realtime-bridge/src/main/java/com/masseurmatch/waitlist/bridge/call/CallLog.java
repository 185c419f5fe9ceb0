package com.masseurmatch.waitlist.bridge.call;

import io.quarkus.logging.Log;

/** Where a call's life is logged: at INFO for real calls, nowhere for untraced ones. */
public interface CallLog {

  CallLog INFO = Log::infof;

  CallLog NONE = (format, args) -> {};

  void infof(String format, Object... args);
}
