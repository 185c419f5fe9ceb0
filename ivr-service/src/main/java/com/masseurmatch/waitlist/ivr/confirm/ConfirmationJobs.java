package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobHandler;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The job kinds {@code confirmation.sms} and {@code confirmation.email}, enqueued by the database
 * in the transaction that saves an entry (or its pending change), keyed by entry, channel and
 * destination.
 */
public final class ConfirmationJobs {

  public static final String SMS = "confirmation.sms";
  public static final String EMAIL = "confirmation.email";

  private ConfirmationJobs() {}

  /** Sends confirmation SMS. */
  @Singleton
  public static class SmsHandler implements JobHandler {

    private final ConfirmationSender sender;

    SmsHandler(ConfirmationSender sender) {
      this.sender = sender;
    }

    @Override
    public String kind() {
      return SMS;
    }

    @Override
    public void handle(Job job) {
      sender.run(Channel.SMS, job.dedupeKey(), job.payload(), job.lastAttempt());
    }

    @Override
    public Duration lease() {
      return Duration.ofMinutes(2);
    }
  }

  /** Sends confirmation e-mails. */
  @Singleton
  public static class EmailHandler implements JobHandler {

    private final ConfirmationSender sender;

    EmailHandler(ConfirmationSender sender) {
      this.sender = sender;
    }

    @Override
    public String kind() {
      return EMAIL;
    }

    @Override
    public void handle(Job job) {
      sender.run(Channel.EMAIL, job.dedupeKey(), job.payload(), job.lastAttempt());
    }

    @Override
    public Duration lease() {
      return Duration.ofMinutes(2);
    }
  }
}
