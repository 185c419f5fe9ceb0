package com.masseurmatch.waitlist.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers PostgREST's RPC calls from a real PostgreSQL, the way PostgREST does: checks the service
 * key, switches to {@code service_role} in a transaction, reads the JSON body into the function's
 * declared argument types ({@code jsonb_to_record}), calls the function with named arguments, and
 * answers a set as a JSON array and a scalar as a JSON value; errors are PostgREST-shaped. Also
 * serves the one table read the job store makes ({@code GET /jobs?status=eq.X&order=updated_at.desc
 * &limit=N}).
 */
public final class PostgresRpcTransformer implements ResponseDefinitionTransformerV2 {

  private static final Pattern RPC = Pattern.compile("^/rest/v1/rpc/([a-z_]+)$");
  private static final Pattern STATUS = Pattern.compile("^eq\\.([a-z]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String key;

  public PostgresRpcTransformer(String url, String key) {
    this.url = url;
    this.key = key;
  }

  @Override
  public String getName() {
    return "postgres-rpc";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    if (!("Bearer " + key).equals(request.getHeader("Authorization"))
        || !key.equals(request.getHeader("apikey"))) {
      return error(401, "PGRST301", "JWT invalid");
    }
    String path = request.getUrl().replaceFirst("\\?.*$", "");
    try (Connection c = MigratedDatabase.open(url)) {
      c.setAutoCommit(false);
      try (Statement role = c.createStatement()) {
        role.execute("set local role service_role");
      }
      Matcher rpc = RPC.matcher(path);
      String body;
      if (rpc.matches() && request.getMethod().getName().equals("POST")) {
        body = call(c, rpc.group(1), request.getBodyAsString());
      } else if (path.equals("/rest/v1/jobs") && request.getMethod().getName().equals("GET")) {
        body = jobs(c, request);
      } else {
        return error(404, "PGRST125", "Invalid path specified in request URL");
      }
      c.commit();
      return body == null
          ? error(404, "PGRST202", "Could not find the function in the schema cache")
          : new ResponseDefinition(200, body);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
      int status =
          state.startsWith("22") || state.startsWith("23")
              ? 400
              : state.equals("42501") ? 403 : 500;
      return error(status, state, e.getMessage());
    } catch (Exception e) {
      return error(400, "PGRST102", "Invalid body: " + e.getMessage());
    }
  }

  private String call(Connection c, String function, String text) throws Exception {
    JsonNode args = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    boolean set;
    try (PreparedStatement signature =
        c.prepareStatement(
            "select p.proretset, p.proargnames[1:p.pronargs],"
                + " array(select format_type(t, null) from unnest(p.proargtypes) t)"
                + " from pg_proc p where p.pronamespace = 'public'::regnamespace"
                + " and p.proname = ?")) {
      signature.setString(1, function);
      try (ResultSet row = signature.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        set = row.getBoolean(1);
        names.addAll(strings(row.getArray(2)));
        types.addAll(strings(row.getArray(3)));
      }
    }
    List<String> columns = new ArrayList<>();
    List<String> given = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(names.get(i) + " " + types.get(i));
      if (args.has(names.get(i))) {
        given.add(names.get(i) + " => x." + names.get(i));
      }
    }
    for (Iterator<String> fields = args.fieldNames(); fields.hasNext(); ) {
      if (!names.contains(fields.next())) {
        return null;
      }
    }
    String from =
        " from jsonb_to_record(?::jsonb) as x("
            + String.join(", ", columns.isEmpty() ? List.of("unused text") : columns)
            + ")";
    String invocation = "public." + function + "(" + String.join(", ", given) + ")";
    String sql =
        set
            ? "select coalesce(json_agg(r), '[]')::text" + from + ", lateral " + invocation + " r"
            : "select to_json(" + invocation + ")::text" + from;
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, args.toString());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static String jobs(Connection c, Request request) throws SQLException {
    Matcher status = STATUS.matcher(String.valueOf(request.queryParameter("status").firstValue()));
    if (!status.matches()
        || !"updated_at.desc".equals(request.queryParameter("order").firstValue())) {
      throw new SQLException("unsupported query in the stand-in", "22023");
    }
    int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
    try (PreparedStatement select =
        c.prepareStatement(
            "select coalesce(json_agg(j), '[]')::text from (select * from public.jobs"
                + " where status = ? order by updated_at desc limit ?) j")) {
      select.setString(1, status.group(1));
      select.setInt(2, limit);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (Object o : (Object[]) array.getArray()) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private static ResponseDefinition error(int status, String code, String message) {
    ObjectNode body =
        JSON.createObjectNode().put("code", code).put("message", message).putNull("details");
    body.putNull("hint");
    return new ResponseDefinition(status, body.toString());
  }
}
