package com.masseurmatch.waitlist.ivr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors the HTTP layer raises before a resource runs (unreadable JSON, an unsupported media type,
 * an unknown path or method) become problem+json under {@code /api/}, with the status and headers
 * they had. Pages elsewhere keep their own answers ({@code ConsoleErrors}). Resources' own mappers
 * come first.
 */
public class ApiErrors {

  @ServerExceptionMapper
  Response http(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    if (!uri.getPath().startsWith("/api/")) {
      return original;
    }
    Problem problem =
        e.getCause() instanceof JsonProcessingException json
            ? Problems.unreadable(json)
            : Problems.ofStatus(
                original.getStatus(),
                original.getStatusInfo().getReasonPhrase(),
                detail(original.getStatus()));
    return Response.fromResponse(original)
        .status(problem.status())
        .entity(problem)
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  @ServerExceptionMapper
  Response json(JsonProcessingException e) {
    return Response.status(400).entity(Problems.unreadable(e)).type(Problem.MEDIA_TYPE).build();
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is not one this endpoint understands.";
      case 401 -> "Send Authorization: Bearer with the admin token.";
      case 404 -> "There is nothing at this path.";
      case 405 -> "This path does not take that method.";
      case 406 -> "This path cannot answer in the type asked for in Accept.";
      case 413 -> "The body is larger than this endpoint takes.";
      case 415 -> "The body's Content-Type is not one this endpoint takes.";
      default -> null;
    };
  }
}
