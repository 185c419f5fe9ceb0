package com.masseurmatch.waitlist.ivr.voice;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The time one voice webhook has left. A blocking step (a store call, a Chat Completions request)
 * runs on a worker thread and is waited for at most its own limit and at most what is left; a step
 * that does not answer in time is abandoned (it finishes on its own, its result unused) and the
 * webhook answers without it.
 */
public final class CallPathBudget {

  private final long endNanos;
  private final Duration storeAttempt;
  private final Executor executor;

  CallPathBudget(Duration available, Duration storeAttempt, Executor executor) {
    this.endNanos = System.nanoTime() + available.toNanos();
    this.storeAttempt = storeAttempt;
    this.executor = executor;
  }

  /** The one attempt a webhook gives the store. */
  public Duration storeAttempt() {
    return storeAttempt;
  }

  /**
   * Runs {@code step} and returns its result, or throws {@link BudgetSpentException} when it has
   * not answered within {@code limit} or the time left. The step's own exceptions pass through.
   */
  public <T> T within(Duration limit, Supplier<T> step) {
    long wait = Math.min(limit.toNanos(), endNanos - System.nanoTime());
    if (wait <= 0) {
      throw new BudgetSpentException("no time left for the step");
    }
    CompletableFuture<T> future = CompletableFuture.supplyAsync(step, executor);
    try {
      return future.get(wait, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new BudgetSpentException("the step did not answer in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BudgetSpentException("interrupted");
    }
  }

  /** A step of a webhook did not answer within the time it had. */
  public static final class BudgetSpentException extends RuntimeException {

    public BudgetSpentException(String message) {
      super(message, null, false, false);
    }
  }
}
