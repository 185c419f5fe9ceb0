package com.masseurmatch.waitlist.bridge.call;

/** What a call asks of the live phone call; blocking (a REST request), so run on a worker. */
public interface CallControl {

  /** Does nothing and reports failure, so the stream is closed instead: for synthetic calls. */
  CallControl NONE =
      new CallControl() {
        @Override
        public boolean hangUp(String callSid) {
          return false;
        }

        @Override
        public boolean redirectToFallback(String callSid) {
          return false;
        }
      };

  /** Ends the call; false when that failed. */
  boolean hangUp(String callSid);

  /** Sends the call on to the IVR's fallback; false when that failed. */
  boolean redirectToFallback(String callSid);
}
