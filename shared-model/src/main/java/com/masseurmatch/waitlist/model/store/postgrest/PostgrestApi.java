package com.masseurmatch.waitlist.model.store.postgrest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** PostgREST's HTTP surface as used here; only {@link PostgrestClient} calls it. */
@Path("/rest/v1")
@Produces(MediaType.APPLICATION_JSON)
interface PostgrestApi {

  @POST
  @Path("/{table}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response upsert(
      @PathParam("table") String table,
      @QueryParam("on_conflict") String onConflict,
      @HeaderParam("Prefer") String prefer,
      String body);

  @GET
  @Path("/{table}")
  Response select(
      @PathParam("table") String table,
      @RestQuery Map<String, String> query,
      @HeaderParam("Prefer") String prefer);

  @HEAD
  @Path("/{table}")
  Response count(
      @PathParam("table") String table,
      @RestQuery Map<String, String> query,
      @HeaderParam("Prefer") String prefer);

  @POST
  @Path("/rpc/{function}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response rpc(@PathParam("function") String function, String body);

  @POST
  @Path("/rpc/{function}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response rpcSelect(
      @PathParam("function") String function,
      @RestQuery Map<String, String> query,
      @HeaderParam("Prefer") String prefer,
      String body);
}
