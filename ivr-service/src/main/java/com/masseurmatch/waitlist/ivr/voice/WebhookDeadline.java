package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Makes every voice webhook answer within {@code IVR_WEBHOOK_DEADLINE}, well inside Twilio's 15 s.
 * The work runs on a worker thread with a {@link CallPathBudget} that ends a little before the
 * deadline, so its own time-outs pick the right answer; if the work still has not answered at the
 * deadline, or fails, the caller gets the webhook's safe answer instead of Twilio's error message.
 */
@Singleton
public class WebhookDeadline {

  // kept back from the work's budget so that it answers before the safety net does
  private static final Duration MARGIN = Duration.ofMillis(250);

  private final Duration deadline;
  private final Duration storeAttempt;
  private final ManagedExecutor executor;

  WebhookDeadline(IvrConfig config, ManagedExecutor executor) {
    this.deadline = config.webhook().deadline();
    this.storeAttempt = config.webhook().storeAttempt();
    this.executor = executor;
  }

  /**
   * {@code work}'s TwiML, or {@code safe}'s when the work fails or the deadline passes first.
   * {@code safe} must not block: it builds TwiML from what the request carries.
   */
  public Uni<String> answer(
      VoiceRequest call,
      String webhook,
      Function<CallPathBudget, String> work,
      Supplier<String> safe) {
    Duration forWork =
        deadline.compareTo(MARGIN.multipliedBy(2)) > 0 ? deadline.minus(MARGIN) : deadline;
    return Uni.createFrom()
        .item(() -> work.apply(new CallPathBudget(forWork, storeAttempt, executor)))
        .runSubscriptionOn(executor)
        .ifNoItem()
        .after(deadline)
        .recoverWithUni(
            () -> {
              Log.warnf(
                  "call %s: %s took longer than %s; answering without it",
                  call.callSid(), webhook, deadline);
              return Uni.createFrom().item(safe);
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              Log.errorf(
                  "call %s: %s failed (%s); answering without it",
                  call.callSid(), webhook, failure.toString());
              return safe.get();
            });
  }
}
