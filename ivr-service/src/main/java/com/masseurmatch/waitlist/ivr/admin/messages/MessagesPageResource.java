package com.masseurmatch.waitlist.ivr.admin.messages;

import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/messages}: confirmations and opt-outs. The service sends no messages yet, so the
 * page says so; the route stays for when confirmations are sent.
 */
@Path("/admin/messages")
@Produces(MediaType.TEXT_HTML)
public class MessagesPageResource {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance messages(ConsolePage page);
  }

  private final CurrentSession session;

  MessagesPageResource(CurrentSession session) {
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance messages() {
    return Templates.messages(ConsolePage.of("messages", session.get()));
  }
}
