package com.masseurmatch.waitlist.ivr.admin.overview;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.model.console.Overview;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin}: today, 7 and 30 days at a glance, and signups per day by role. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class OverviewResource {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance overview(ConsolePage page, OverviewView view);
  }

  private final ConsoleData data;
  private final CurrentSession session;
  private final Clock clock;

  OverviewResource(ConsoleData data, CurrentSession session, Clock clock) {
    this.data = data;
    this.session = session;
    this.clock = clock;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance overview() {
    Instant now = clock.instant();
    Overview overview = data.read(store -> store.overview(now));
    return Templates.overview(
        ConsolePage.of("overview", session.get()),
        OverviewView.of(overview, now.atZone(ZoneOffset.UTC).toLocalDate()));
  }
}
