package com.masseurmatch.waitlist.ivr.job;

import com.masseurmatch.waitlist.ivr.http.Problems;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code /api/admin/jobs} (admin): dead background jobs, and putting one back in the queue. */
@Path("/api/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class JobAdminResource {

  static final int MAX_LIMIT = 200;

  private final JobStore jobs;
  private final AdminAuth admin;

  JobAdminResource(JobStore jobs, AdminAuth admin) {
    this.jobs = jobs;
    this.admin = admin;
  }

  @GET
  @Path("/dead")
  @Operation(summary = "List dead jobs (admin), most recently failed first")
  public DeadJobs dead(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    admin.require(authorization);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    return new DeadJobs(jobs.dead(limit).stream().map(JobView::of).toList());
  }

  @POST
  @Path("/{id}/retry")
  @Operation(summary = "Put a dead job back in the queue with a fresh set of attempts (admin)")
  public Retried retry(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
    admin.require(authorization);
    UUID parsed;
    try {
      parsed = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the job id must be a UUID");
    }
    if (!jobs.retry(parsed)) {
      throw new NotFoundException("no dead job has the id " + parsed);
    }
    return new Retried(parsed, Job.QUEUED);
  }

  /** The dead jobs. */
  public record DeadJobs(List<JobView> items) {}

  /** A job put back. */
  public record Retried(UUID id, String status) {}

  @ServerExceptionMapper
  RestResponse<Problem> badRequest(BadRequestException e) {
    return Problems.response(400, "Bad request", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<Problem> notFound(NotFoundException e) {
    return Problems.response(404, "Not found", e.getMessage());
  }
}
