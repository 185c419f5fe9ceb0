package com.masseurmatch.waitlist.ivr.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.http.Problems;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentConflictException;
import com.masseurmatch.waitlist.model.experiment.InvalidExperimentException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code /api/admin/experiments} (admin): define, start, stop and read experiments. */
@Path("/api/admin/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExperimentResource {

  private final Experiments experiments;
  private final AdminAuth admin;
  private final ObjectMapper json;

  ExperimentResource(Experiments experiments, AdminAuth admin, ObjectMapper json) {
    this.experiments = experiments;
    this.admin = admin;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Define an experiment (admin); it starts as a draft")
  public RestResponse<Experiment> create(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode body) {
    admin.require(authorization);
    Experiment created = experiments.create(ExperimentDefinition.parse(body, json));
    return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
        .location(URI.create("/api/admin/experiments/" + created.id()))
        .build();
  }

  @GET
  @Operation(summary = "List experiments (admin), newest first")
  public Listed list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    admin.require(authorization);
    return new Listed(experiments.list());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One experiment (admin)")
  public Experiment get(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return one(authorization, id, experiments::find);
  }

  @POST
  @Path("/{id}/start")
  @Operation(summary = "Start an experiment (admin); refused while another runs for its calls")
  public Experiment start(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return one(authorization, id, experiments::start);
  }

  @POST
  @Path("/{id}/stop")
  @Operation(summary = "Stop an experiment (admin); its calls keep their variant")
  public Experiment stop(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return one(authorization, id, experiments::stop);
  }

  @GET
  @Path("/{id}/results")
  @Operation(summary = "An experiment's results per variant and its verdict (admin)")
  public ExperimentResults results(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    return one(authorization, id, experiments::results);
  }

  /** The experiments. */
  public record Listed(List<Experiment> items) {}

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidExperimentException("id", "must be a UUID");
    }
  }

  /** {@code action} on the experiment {@code id}, for an admin; 404 when there is none. */
  private <T> T one(String authorization, String id, Function<UUID, Optional<T>> action) {
    admin.require(authorization);
    return action
        .apply(uuid(id))
        .orElseThrow(() -> new NotFoundException("no experiment has the id " + id));
  }

  @ServerExceptionMapper
  RestResponse<Problem> invalid(InvalidExperimentException e) {
    return Problems.response(
        new Problem(
            null,
            "Invalid experiment",
            400,
            e.getMessage(),
            List.of(new Problem.InvalidField(e.field(), "invalid", e.reason(), null))));
  }

  @ServerExceptionMapper
  RestResponse<Problem> conflict(ExperimentConflictException e) {
    return Problems.response(409, "Another experiment is running", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<Problem> notFound(NotFoundException e) {
    return Problems.response(404, "Not found", e.getMessage());
  }
}
