package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.ivr.http.Problems;
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
  private final ClientAddress clients;

  WaitlistResource(
      WaitlistService service, RateLimiter rateLimiter, AdminAuth admin, ClientAddress clients) {
    this.service = service;
    this.rateLimiter = rateLimiter;
    this.admin = admin;
    this.clients = clients;
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
    long retryAfter = rateLimiter.acquire(clients.of(request), System.nanoTime());
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
      @QueryParam("offset") @DefaultValue("0") String offset,
      @QueryParam("limit") @DefaultValue("50") String limit,
      @QueryParam("language") String language) {
    admin.require(authorization);
    WaitlistQuery query =
        query(role, search, number("offset", offset), number("limit", limit), language);
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
    if (search != null && search.codePoints().anyMatch(Character::isISOControl)) {
      throw new BadRequestException("q must not contain control characters");
    }
    if (offset < 0 || limit < 1 || limit > WaitlistQuery.MAX_LIMIT) {
      throw new BadRequestException(
          "offset must be 0 or more and limit between 1 and " + WaitlistQuery.MAX_LIMIT);
    }
    return new WaitlistQuery(parsed, Optional.ofNullable(search), offset, limit, spoken);
  }

  /** A paging number; anything but plain digits is a 400 naming the parameter. */
  private static int number(String name, String raw) {
    if (raw == null || !raw.matches("[0-9]{1,9}")) {
      throw new BadRequestException(name + " must be a whole number");
    }
    return Integer.parseInt(raw);
  }

  /** One page of the list. */
  public record PageView(List<EntryView> items, long total, int offset, int limit) {}

  @ServerExceptionMapper
  RestResponse<Problem> invalid(InvalidEntryException e) {
    List<Problem.InvalidField> fields =
        e.errors().stream()
            .map(f -> new Problem.InvalidField(f.field(), f.reason(), f.ask(), f.suggestion()))
            .toList();
    return Problems.response(
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
    return Problems.response(400, "Bad request", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<Problem> unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
    return Problems.response(Problems.unreadable(e));
  }

  @ServerExceptionMapper
  RestResponse<Problem> rateLimited(RateLimitedException e) {
    return Problems.builder(Problems.ofStatus(429, "Too many requests", "Please try again later."))
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .build();
  }
}
