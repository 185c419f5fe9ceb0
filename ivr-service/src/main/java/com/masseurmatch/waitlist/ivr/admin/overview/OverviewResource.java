package com.masseurmatch.waitlist.ivr.admin.overview;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.job.JobStats;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin}: today, 7 and 30 days at a glance, the queues and failures, and signups per day by
 * role.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class OverviewResource {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance overview(ConsolePage page, OverviewView view, Queues queues);
  }

  private final ConsoleData data;
  private final CurrentSession session;
  private final Clock clock;
  private final SignupOutbox outbox;

  OverviewResource(ConsoleData data, CurrentSession session, Clock clock, SignupOutbox outbox) {
    this.data = data;
    this.session = session;
    this.clock = clock;
    this.outbox = outbox;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance overview() {
    Instant now = clock.instant();
    Overview overview = data.read(store -> store.overview(now));
    return Templates.overview(
        ConsolePage.of("overview", session.get()),
        OverviewView.of(overview, now.atZone(ZoneOffset.UTC).toLocalDate()),
        queues());
  }

  private Queues queues() {
    MessageSearch failed =
        new MessageSearch(Optional.empty(), Optional.of(MessageRecord.FAILED), 0, 1);
    return new Queues(
        outbox.depth(),
        data.jobs(JobStore::stats),
        data.read(store -> store.messages(failed).total()));
  }

  /**
   * What waits and what failed: signups in this instance's outbox (kept while the database is
   * down), the job queue's due, running and dead jobs, and confirmation messages that failed.
   */
  public record Queues(int outbox, JobStats jobs, long failedMessages) {}
}
