package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.frame.FrameWriter;
import com.masseurmatch.waitlist.model.call.CallRecord;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How one call ends, exactly once: Knotty hangs up, the call goes on in the IVR's fallback, or the
 * stream closes; then the call releases its resources and writes its record. Hang-up and redirect
 * go through Twilio's REST API on a worker; when that fails, closing the stream makes Twilio
 * continue with the IVR. Confined to the call's event loop, except {@link #redirectNow}.
 */
final class CallEnding {

  private final CallServices services;
  private final String callSid;
  private final Context context;
  private final FrameWriter twilio;
  private final CallLedger ledger;
  private final Runnable release;
  private boolean hangUpStarted;
  private boolean redirected;
  private boolean ended;

  CallEnding(
      CallServices services,
      String callSid,
      Context context,
      FrameWriter twilio,
      CallLedger ledger,
      Runnable release) {
    this.services = services;
    this.callSid = callSid;
    this.context = context;
    this.twilio = twilio;
    this.ledger = ledger;
    this.release = release;
  }

  boolean ended() {
    return ended;
  }

  /** Knotty ends the call (or it ran past its limit). */
  void hangUp(String why) {
    if (hangUpStarted || ended) {
      return;
    }
    hangUpStarted = true;
    services.metrics.hungUp();
    services.log.infof("call %s: hanging up: %s", callSid, why);
    services.blocking.execute(
        () -> {
          if (!services.callControl.hangUp(callSid)) {
            context.runOnContext(v -> closeStream("hang-up"));
          }
        });
  }

  /**
   * The realtime path cannot keep this call: store what is known on the {@code calls} row, then
   * send the live call to the IVR's fallback.
   */
  void redirect(String reason) {
    Runnable redirect = prepareRedirect(reason);
    if (redirect != null) {
      services.blocking.execute(redirect);
      end(reason);
    }
  }

  /**
   * The same from another thread, done on that thread once the call's event loop has prepared it:
   * for shutdown, when worker pools are closing.
   */
  void redirectNow(String reason) {
    Runnable[] redirect = new Runnable[1];
    CountDownLatch prepared = new CountDownLatch(1);
    context.runOnContext(
        v -> {
          redirect[0] = prepareRedirect(reason);
          if (redirect[0] != null) {
            end(reason);
          }
          prepared.countDown();
        });
    try {
      if (prepared.await(5, TimeUnit.SECONDS) && redirect[0] != null) {
        redirect[0].run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Runnable prepareRedirect(String reason) {
    if (ended || redirected) {
      return null;
    }
    redirected = true;
    services.metrics.redirected(reason);
    Log.warnf("call %s: sending the call to the fallback (%s)", callSid, reason);
    CallRecord known = ledger.beforeRedirect();
    return () -> {
      ledger.records().write(known);
      if (!services.callControl.redirectToFallback(callSid)) {
        context.runOnContext(v -> closeStream("redirect failed"));
      }
    };
  }

  private void closeStream(String why) {
    twilio.close();
    end(why);
  }

  /** Releases everything once and writes the call record off the event loop. */
  void end(String why) {
    if (ended) {
      return;
    }
    ended = true;
    release.run();
    services.metrics.callEnded(ledger.outcome().wireName());
    services.log.infof(
        "call %s: ended (%s), outcome %s", callSid, why, ledger.outcome().wireName());
    ledger.writeAtEnd(redirected);
  }
}
