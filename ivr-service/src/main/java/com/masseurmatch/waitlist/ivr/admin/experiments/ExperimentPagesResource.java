package com.masseurmatch.waitlist.ivr.admin.experiments;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.BadQueryException;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.NotFoundException;
import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.UnavailableException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.ivr.experiment.Experiments;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentConflictException;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/experiments}: the experiments, and each one's results as a table and a chart of the
 * sign-up rates with their intervals; start and stop. Defining one is the admin API's job.
 */
@Path("/admin/experiments")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ExperimentPagesResource {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance experiments(ConsolePage page, List<Experiment> experiments);

    static native TemplateInstance experiment(
        ConsolePage page, ExperimentView view, String refused);
  }

  private final Experiments experiments;
  private final CurrentSession session;

  ExperimentPagesResource(Experiments experiments, CurrentSession session) {
    this.experiments = experiments;
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance list() {
    return Templates.experiments(page(), store(experiments::list));
  }

  @GET
  @Path("/{id}")
  @Operation(hidden = true)
  public TemplateInstance experiment(@RestPath String id, @RestQuery String refused) {
    UUID uuid = uuid(id);
    ExperimentView view =
        store(() -> experiments.results(uuid))
            .map(ExperimentView::of)
            .orElseThrow(() -> new NotFoundException("There is no experiment with that id."));
    return Templates.experiment(page(), view, refused);
  }

  @POST
  @Operation(hidden = true)
  @Path("/{id}/start")
  public RestResponse<Void> start(@RestPath String id, @RestForm String csrf) {
    session.requireCsrf(csrf);
    UUID uuid = uuid(id);
    try {
      found(store(() -> experiments.start(uuid)));
    } catch (ExperimentConflictException e) {
      return RestResponse.seeOther(
          URI.create(
              "/admin/experiments/"
                  + uuid
                  + "?refused="
                  + java.net.URLEncoder.encode(
                      e.getMessage(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    Log.infof("console: %s started experiment %s", session.operator(), uuid);
    return RestResponse.seeOther(URI.create("/admin/experiments/" + uuid));
  }

  @POST
  @Operation(hidden = true)
  @Path("/{id}/stop")
  public RestResponse<Void> stop(@RestPath String id, @RestForm String csrf) {
    session.requireCsrf(csrf);
    UUID uuid = uuid(id);
    found(store(() -> experiments.stop(uuid)));
    Log.infof("console: %s stopped experiment %s", session.operator(), uuid);
    return RestResponse.seeOther(URI.create("/admin/experiments/" + uuid));
  }

  private ConsolePage page() {
    return ConsolePage.of("experiments", session.get());
  }

  private static void found(Optional<Experiment> experiment) {
    if (experiment.isEmpty()) {
      throw new NotFoundException("There is no experiment with that id.");
    }
  }

  private static <T> T store(Supplier<T> work) {
    try {
      return work.get();
    } catch (StoreException e) {
      Log.warnf("console: the store failed: %s", e.getMessage());
      throw new UnavailableException("The database cannot be reached; try again soon.", e);
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("the experiment id must be a UUID");
    }
  }
}
