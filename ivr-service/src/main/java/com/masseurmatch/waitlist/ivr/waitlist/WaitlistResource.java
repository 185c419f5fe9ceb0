package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.validation.EntryForm;
import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code /api/waitlist}: web-form signups (public), and the operator's save, list and export (admin
 * bearer).
 */
@Path("/api/waitlist")
public class WaitlistResource {

  private final WaitlistService service;
  private final RateLimiter rateLimiter;
  private final AdminAuth admin;

  WaitlistResource(WaitlistService service, RateLimiter rateLimiter, AdminAuth admin) {
    this.service = service;
    this.rateLimiter = rateLimiter;
    this.admin = admin;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Join the waitlist: 202 for every valid signup, new or known; a change to a known"
              + " e-mail waits for its owner's confirmation (e-mail link or SMS reply CONFIRM)")
  @APIResponse(
      responseCode = "202",
      description = "Received; never says whether the e-mail was already on the list",
      content = @Content(schema = @Schema(implementation = Received.class)))
  @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
  @APIResponse(responseCode = "429", description = "Too many signups from this client")
  public RestResponse<Received> signUp(@Context HttpServerRequest request, EntryForm form) {
    long retryAfter = rateLimiter.acquire(clientOf(request), System.nanoTime());
    if (retryAfter > 0) {
      throw new RateLimitedException(retryAfter);
    }
    service.signUp(form);
    return RestResponse.status(RestResponse.Status.ACCEPTED, Received.INSTANCE);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Save an entry (admin): insert, or update the entry with that e-mail at once; 201 when"
              + " new, 200 when updated, with the entry")
  public RestResponse<EntryView> save(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, EntryForm form) {
    admin.require(authorization);
    WaitlistService.Signup signup = service.upsert(form);
    return signup.result().created()
        ? RestResponse.status(RestResponse.Status.CREATED, signup.view())
        : RestResponse.ok(signup.view());
  }

  /** The public signup's only answer. */
  public record Received(String status) {
    static final Received INSTANCE = new Received("received");
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      summary =
          "List the waitlist (admin): role and language filters, search, paging; CSV with"
              + " Accept: text/csv")
  public Response list(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @QueryParam("role") String role,
      @QueryParam("q") String search,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("language") String language) {
    admin.require(authorization);
    WaitlistQuery query = query(role, search, offset, limit, language);
    if (accept != null && accept.contains("text/csv")) {
      return Response.ok(CsvWriter.write(service.export(query)), "text/csv")
          .header("Content-Disposition", "attachment; filename=\"waitlist.csv\"")
          .build();
    }
    WaitlistPage page = service.page(query);
    return Response.ok(
            new PageView(
                page.items().stream().map(e -> EntryView.of(e, List.of())).toList(),
                page.total(),
                page.offset(),
                page.limit()),
            MediaType.APPLICATION_JSON)
        .build();
  }

  private static WaitlistQuery query(
      String role, String search, int offset, int limit, String language) {
    Optional<Language> spoken =
        Optional.ofNullable(language)
            .filter(l -> !l.isBlank())
            .map(
                l ->
                    Language.find(l)
                        .filter(found -> l.strip().length() == 2)
                        .orElseThrow(
                            () -> new BadRequestException("language must be en, es or fr")));
    Optional<Role> parsed;
    try {
      parsed = Optional.ofNullable(role).filter(r -> !r.isBlank()).map(Role::fromWire);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("role must be therapist or client");
    }
    if (offset < 0 || limit < 1 || limit > WaitlistQuery.MAX_LIMIT) {
      throw new BadRequestException(
          "offset must be 0 or more and limit between 1 and " + WaitlistQuery.MAX_LIMIT);
    }
    return new WaitlistQuery(parsed, Optional.ofNullable(search), offset, limit, spoken);
  }

  private static String clientOf(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** One page of the list. */
  public record PageView(List<EntryView> items, long total, int offset, int limit) {}

  @ServerExceptionMapper
  RestResponse<Problem> invalid(InvalidEntryException e) {
    List<Problem.InvalidField> fields =
        e.errors().stream()
            .map(f -> new Problem.InvalidField(f.field(), f.reason(), f.ask(), f.suggestion()))
            .toList();
    return problem(
        400,
        new Problem(
            "https://masseurmatch.com/problems/invalid-entry",
            "Invalid waitlist entry",
            400,
            "Some fields are missing or invalid: "
                + String.join(", ", e.errors().stream().map(FieldError::field).toList()),
            fields));
  }

  @ServerExceptionMapper
  RestResponse<Problem> badRequest(BadRequestException e) {
    return problem(400, new Problem(null, "Bad request", 400, e.getMessage(), null));
  }

  @ServerExceptionMapper
  RestResponse<Problem> unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
    return problem(
        400,
        new Problem(null, "Bad request", 400, "The body is not the JSON object expected.", null));
  }

  @ServerExceptionMapper
  RestResponse<Problem> rateLimited(RateLimitedException e) {
    return RestResponse.ResponseBuilder.create(
            RestResponse.Status.TOO_MANY_REQUESTS,
            new Problem(null, "Too many requests", 429, "Please try again later.", null))
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  @ServerExceptionMapper
  RestResponse<Problem> storeDown(StoreUnavailableException e) {
    return problem(
        503,
        new Problem(
            null,
            "Service unavailable",
            503,
            "The waitlist cannot be reached; try again soon.",
            null));
  }

  @ServerExceptionMapper
  RestResponse<Problem> storeRejected(StoreRejectedException e) {
    return problem(
        502,
        new Problem(null, "Bad gateway", 502, "The waitlist store refused the request.", null));
  }

  private static RestResponse<Problem> problem(int status, Problem body) {
    return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status), body)
        .type(Problem.MEDIA_TYPE)
        .build();
  }
}
