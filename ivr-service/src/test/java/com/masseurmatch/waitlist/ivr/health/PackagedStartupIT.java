package com.masseurmatch.waitlist.ivr.health;

import com.masseurmatch.waitlist.model.testing.StartupContract;

/** Runs the packaged jar: fails fast without secrets, starts on the embedded defaults. */
class PackagedStartupIT extends StartupContract {

  @Override
  protected String serviceName() {
    return "ivr-service";
  }
}
