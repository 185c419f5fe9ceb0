package com.masseurmatch.waitlist.bridge.health;

import com.masseurmatch.waitlist.model.testing.StartupContract;

/** Runs the packaged jar: fails fast without secrets, starts on the embedded defaults. */
class PackagedStartupIT extends StartupContract {

  @Override
  protected String serviceName() {
    return "realtime-bridge";
  }
}
