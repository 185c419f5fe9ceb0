package com.masseurmatch.waitlist.ivr.fallback;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenAI Chat Completions as used here; only {@link ChatCompletionsClient} calls it. */
@Path("/chat/completions")
interface ChatCompletionsApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response complete(String body);
}
