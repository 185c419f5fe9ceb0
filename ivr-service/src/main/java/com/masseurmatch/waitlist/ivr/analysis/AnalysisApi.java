package com.masseurmatch.waitlist.ivr.analysis;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenAI Chat Completions as the analysis uses it; only {@link AnalysisClient} calls it. */
@Path("/chat/completions")
interface AnalysisApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Response complete(String body);
}
