package com.masseurmatch.waitlist.ivr.confirm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.masseurmatch.waitlist.ivr.http.Problems;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code GET /api/admin/messages} (admin bearer): the confirmation messages, newest first. */
@Path("/api/admin/messages")
public class MessagesAdminResource {

  static final int MAX_LIMIT = 200;

  private final AdminAuth admin;
  private final ConfirmationStore store;

  MessagesAdminResource(AdminAuth admin, ConfirmationStore store) {
    this.admin = admin;
    this.store = store;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirmation SMS and e-mails with their status (admin), newest first")
  public Page list(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    admin.require(authorization);
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException(
          "offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
    }
    return new Page(
        store.messages(offset, limit).stream().map(MessageView::of).toList(), offset, limit);
  }

  @ServerExceptionMapper
  RestResponse<Problem> badRequest(BadRequestException e) {
    return Problems.response(400, "Bad request", e.getMessage());
  }

  /** One page of messages. */
  public record Page(List<MessageView> items, int offset, int limit) {}

  /** A message as the admin API shows it. */
  public record MessageView(
      UUID id,
      @JsonProperty("waitlist_id") UUID waitlistId,
      String channel,
      String purpose,
      String destination,
      String status,
      @JsonProperty("provider_id") String providerId,
      @JsonProperty("error_code") String errorCode,
      String error,
      int attempts,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {

    static MessageView of(MessageRecord m) {
      return new MessageView(
          m.id(),
          m.waitlistId(),
          m.channel().wireName(),
          m.purpose(),
          m.destination(),
          m.status(),
          m.providerId(),
          m.errorCode(),
          m.error(),
          m.attempts(),
          m.createdAt(),
          m.updatedAt());
    }
  }
}
