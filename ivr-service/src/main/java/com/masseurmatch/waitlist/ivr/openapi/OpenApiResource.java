package com.masseurmatch.waitlist.ivr.openapi;

import com.masseurmatch.waitlist.model.text.Resources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /q/openapi}: the API's OpenAPI document, YAML by default, JSON with {@code
 * ?format=json} or {@code Accept: application/json}. The build writes both files from the JAX-RS
 * annotations (smallrye-open-api-maven-plugin), so nothing is built at start.
 */
@Path("/q/openapi")
public class OpenApiResource {

  static final String YAML_TYPE = "application/yaml;charset=UTF-8";

  private final String yaml = Resources.text("/META-INF/openapi/openapi.yaml");
  private final String json = Resources.text("/META-INF/openapi/openapi.json");

  @GET
  @Operation(hidden = true)
  public Response document(
      @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    boolean asJson =
        format != null
            ? format.equalsIgnoreCase("json")
            : accept != null && accept.contains(MediaType.APPLICATION_JSON);
    return asJson
        ? Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build()
        : Response.ok(yaml, YAML_TYPE).build();
  }
}
