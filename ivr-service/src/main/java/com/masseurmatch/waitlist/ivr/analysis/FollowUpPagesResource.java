package com.masseurmatch.waitlist.ivr.analysis;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /admin/follow-up}: the calls the analysis says the team should follow up, newest first.
 */
@Path("/admin/follow-up")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class FollowUpPagesResource {

  static final int PAGE_SIZE = 50;

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance followup(
        ConsolePage page, List<CallInsight> calls, int pageNumber, boolean more);
  }

  private final AnalysisStore analysis;
  private final CurrentSession session;

  FollowUpPagesResource(AnalysisStore analysis, CurrentSession session) {
    this.analysis = analysis;
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance list(@RestQuery String page) {
    int number;
    try {
      number = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      throw new BadQueryException("page must be a number");
    }
    if (number < 1 || number > 100_000) {
      throw new BadQueryException("page must be 1 or more");
    }
    List<CallInsight> calls = analysis.calls(true, (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean more = calls.size() > PAGE_SIZE;
    return Templates.followup(
        ConsolePage.of("follow-up", session.get()),
        more ? calls.subList(0, PAGE_SIZE) : calls,
        number,
        more);
  }
}
