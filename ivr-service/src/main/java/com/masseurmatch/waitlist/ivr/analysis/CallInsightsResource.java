package com.masseurmatch.waitlist.ivr.analysis;

import com.masseurmatch.waitlist.ivr.http.Problems;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code GET /api/admin/calls} and {@code GET /api/admin/calls/{sid}} (admin bearer): calls with
 * their analysis, recording consent and recordings, newest first; {@code follow_up=true} lists the
 * follow-up queue.
 */
@Path("/api/admin/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallInsightsResource {

  static final int MAX_LIMIT = 200;

  private final AdminAuth admin;
  private final AnalysisStore analysis;
  private final RecordingStore recordings;

  CallInsightsResource(AdminAuth admin, AnalysisStore analysis, RecordingStore recordings) {
    this.admin = admin;
    this.analysis = analysis;
    this.recordings = recordings;
  }

  @GET
  @Operation(summary = "Calls with their analysis, recording consent and recordings (admin)")
  public CallInsightView.Page list(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit,
      @QueryParam("follow_up") String followUp) {
    admin.require(authorization);
    int from = number("offset", offset, 0, 0, 1_000_000);
    int size = number("limit", limit, 50, 1, MAX_LIMIT);
    if (followUp != null && !followUp.equals("true") && !followUp.equals("false")) {
      throw new BadRequestException("follow_up must be true or false");
    }
    List<CallInsight> calls = analysis.calls("true".equals(followUp), from, size);
    Map<String, List<Recording>> byCall =
        recordings.forCalls(calls.stream().map(CallInsight::callSid).toList()).stream()
            .collect(Collectors.groupingBy(Recording::callSid));
    return new CallInsightView.Page(
        calls.stream()
            .map(c -> CallInsightView.of(c, byCall.getOrDefault(c.callSid(), List.of())))
            .toList(),
        from,
        size);
  }

  @GET
  @Path("/{sid}")
  @Operation(summary = "One call with its analysis, recording consent and recordings (admin)")
  public CallInsightView one(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("sid") String sid) {
    admin.require(authorization);
    CallInsight call =
        analysis.call(sid).orElseThrow(() -> new NotFoundException("There is no call " + sid));
    return CallInsightView.of(call, recordings.forCalls(List.of(sid)));
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new BadRequestException(name + " must be a whole number from " + min + " to " + max);
  }

  @ServerExceptionMapper
  RestResponse<Problem> badRequest(BadRequestException e) {
    return Problems.response(400, "Bad request", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<Problem> notFound(NotFoundException e) {
    return Problems.response(404, "Not found", e.getMessage());
  }
}
