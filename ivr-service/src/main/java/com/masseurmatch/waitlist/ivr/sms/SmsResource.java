package com.masseurmatch.waitlist.ivr.sms;

import com.masseurmatch.waitlist.ivr.voice.TwilioWebhookVerifier;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/sms}: Twilio's messaging webhooks (inbound SMS and delivery status), signed. */
@Path("/api/sms")
public class SmsResource {

  private final TwilioWebhookVerifier verifier;
  private final SmsReplies replies;
  private final ConfirmationStore store;

  SmsResource(TwilioWebhookVerifier verifier, SmsReplies replies, ConfirmationStore store) {
    this.verifier = verifier;
    this.replies = replies;
    this.store = store;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_XML)
  @Operation(summary = "Inbound SMS (Twilio): STOP/START opt out and in, HELP, CONFIRM a change")
  public String inbound(@Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    verifier.verify(request, form);
    return replies.answer(
        form.getFirst("From"), form.getFirst("Body"), form.getFirst("OptOutType"));
  }

  @POST
  @Path("/status")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "SMS delivery status (Twilio): records delivered, undelivered, failed")
  public RestResponse<Void> status(
      @Context HttpServerRequest request, MultivaluedMap<String, String> form) {
    verifier.verify(request, form);
    String sid = form.getFirst("MessageSid");
    String status = form.getFirst("MessageStatus");
    if (sid != null && status != null) {
      store.recordDelivery(sid, status, form.getFirst("ErrorCode"));
    }
    return RestResponse.noContent();
  }
}
