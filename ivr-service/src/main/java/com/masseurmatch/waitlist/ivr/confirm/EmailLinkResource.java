package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.text.Language;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /email/{action}}: the signed links of confirmation e-mails. {@code GET} shows a small page
 * that asks (mail scanners open links, so a GET changes nothing); {@code POST} acts: the page's
 * button, or a mail client's RFC 8058 one-click unsubscribe.
 */
@Path("/email/{action}")
public class EmailLinkResource {

  private static final Set<String> ACTIONS =
      Set.of(Links.UNSUBSCRIBE, Links.NOT_YOU, Links.CONFIRM_CHANGE);

  private final Links links;
  private final EmailLinkActions actions;
  private final ConfirmTexts texts;
  private final Template page;
  private final Map<String, Object> common;

  EmailLinkResource(
      Links links,
      EmailLinkActions actions,
      ConfirmTexts texts,
      @Location("links/page.html") Template page,
      IvrConfig ivr,
      ConfirmConfig config) {
    this.links = links;
    this.actions = actions;
    this.texts = texts;
    this.page = page;
    this.common = Map.of("brand", ivr.brand(), "contact", config.contact());
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A confirmation e-mail's link: a page that asks before acting")
  public RestResponse<TemplateInstance> ask(
      @PathParam("action") String action,
      @QueryParam("id") String id,
      @QueryParam("v") String version,
      @QueryParam("exp") long expires,
      @QueryParam("sig") String signature,
      @QueryParam("lang") String lang,
      @Context UriInfo uri) {
    String language = Language.of(lang).code();
    if (!valid(action, id, version, expires, signature)) {
      return invalid(language);
    }
    return page(
        language,
        200,
        "page." + action + ".title",
        "page." + action + ".ask",
        uri.getRequestUri().toString(),
        "page." + action + ".button");
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A confirmation e-mail's link, confirmed (or RFC 8058 one-click)")
  public RestResponse<TemplateInstance> act(
      @PathParam("action") String action,
      @QueryParam("id") String id,
      @QueryParam("v") String version,
      @QueryParam("exp") long expires,
      @QueryParam("sig") String signature,
      @QueryParam("lang") String lang) {
    String language = Language.of(lang).code();
    if (!valid(action, id, version, expires, signature)) {
      return invalid(language);
    }
    UUID subject = UUID.fromString(id);
    String title = "page." + action + ".title";
    switch (action) {
      case Links.UNSUBSCRIBE -> actions.unsubscribe(subject);
      case Links.NOT_YOU -> actions.notYou(subject);
      default -> {
        if (!actions.confirmChange(subject, version)) {
          return page(language, 200, title, "page.confirm-change.gone", null, null);
        }
      }
    }
    return page(language, 200, title, "page." + action + ".done", null, null);
  }

  private boolean valid(String action, String id, String version, long expires, String sig) {
    if (!ACTIONS.contains(action) || id == null) {
      return false;
    }
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return links.valid(action, id, version, expires, sig);
  }

  private RestResponse<TemplateInstance> invalid(String language) {
    return page(language, 403, "page.invalid.title", "page.invalid.text", null, null);
  }

  /** A page in the language the e-mail's link named ({@code lang}; English without one). */
  private RestResponse<TemplateInstance> page(
      String language, int status, String title, String message, String action, String button) {
    Map<String, Object> data = new HashMap<>(common);
    data.put("lang", language);
    data.put("title", texts.text(language, title, common));
    data.put("message", texts.text(language, message, common));
    data.put("action", action);
    data.put("button", button == null ? "" : texts.text(language, button, common));
    TemplateInstance instance = page.instance();
    data.forEach(instance::data);
    return RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(status), instance)
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .build();
  }
}
