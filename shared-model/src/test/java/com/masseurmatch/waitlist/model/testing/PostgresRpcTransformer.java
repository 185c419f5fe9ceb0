package com.masseurmatch.waitlist.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers PostgREST's requests from a real PostgreSQL, the way PostgREST does: checks the service
 * key, switches to {@code service_role} in a transaction, and serves
 *
 * <ul>
 *   <li>{@code POST /rpc/{function}}: reads the JSON body into the function's declared argument
 *       types ({@code jsonb_to_record}), calls it with named arguments, answers a set as a JSON
 *       array and a scalar as a JSON value; a set can be filtered, ordered, paged and counted by
 *       the query string like a table;
 *   <li>{@code GET /{table}}: a select with {@link PostgrestQuery}'s filters, order and paging,
 *       counted with {@code Prefer: count=exact} ({@code Content-Range}, 416 past the end);
 *   <li>{@code POST /{table}?on_conflict=...}: an insert of the body's columns, merging duplicates
 *       on the conflict column, answering the rows with {@code return=representation}.
 * </ul>
 *
 * Errors are PostgREST-shaped.
 */
public final class PostgresRpcTransformer implements ResponseDefinitionTransformerV2 {

  private static final Pattern RPC = Pattern.compile("^/rest/v1/rpc/([a-z_]+)$");
  private static final Pattern TABLE = Pattern.compile("^/rest/v1/([a-z_]+)$");
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
    String method = request.getMethod().getName();
    Map<String, String> params = PostgrestQuery.parameters(request.getUrl());
    boolean count = prefers(request, "count=exact");
    try (Connection c = MigratedDatabase.open(url)) {
      c.setAutoCommit(false);
      try (Statement role = c.createStatement()) {
        role.execute("set local role service_role");
      }
      Matcher rpc = RPC.matcher(path);
      Matcher table = TABLE.matcher(path);
      ResponseDefinition answer;
      if (rpc.matches() && method.equals("POST")) {
        answer = call(c, rpc.group(1), request.getBodyAsString(), params, count);
      } else if (table.matches() && method.equals("GET")) {
        answer = rows(c, PostgrestQuery.of(params), "public." + table.group(1), count);
      } else if (table.matches() && method.equals("POST")) {
        answer = upsert(c, table.group(1), request, params);
      } else {
        return error(404, "PGRST125", "Invalid path specified in request URL");
      }
      c.commit();
      return answer;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
      int status =
          state.startsWith("22") || state.startsWith("23") || state.startsWith("PGRST")
              ? 400
              : state.equals("42501") ? 403 : state.equals("42P01") ? 404 : 500;
      return error(status, state, e.getMessage());
    } catch (Exception e) {
      return error(400, "PGRST102", "Invalid body: " + e.getMessage());
    }
  }

  private ResponseDefinition call(
      Connection c, String function, String text, Map<String, String> params, boolean count)
      throws Exception {
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
          return notFound();
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
        return notFound();
      }
    }
    String from =
        " from jsonb_to_record('"
            + args.toString().replace("'", "''")
            + "'::jsonb) as x("
            + String.join(", ", columns.isEmpty() ? List.of("unused text") : columns)
            + ")";
    String invocation = "public." + function + "(" + String.join(", ", given) + ")";
    if (set) {
      String source = "(select r.*" + from + ", lateral " + invocation + " r) r";
      return rows(c, PostgrestQuery.of(params), source, count);
    }
    try (PreparedStatement statement =
            c.prepareStatement("select to_json(" + invocation + ")::text" + from);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return new ResponseDefinition(200, row.getString(1));
    }
  }

  /** A select over a table or a function's rows, with its count in Content-Range. */
  private static ResponseDefinition rows(
      Connection c, PostgrestQuery query, String source, boolean count) throws Exception {
    String body;
    try (PreparedStatement select =
        c.prepareStatement(
            "select coalesce(json_agg(p), '[]')::text from (" + query.page(source) + ") p")) {
      bind(select, query.args);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        body = row.getString(1);
      }
    }
    if (!count) {
      return new ResponseDefinition(200, body);
    }
    long total;
    try (PreparedStatement counted = c.prepareStatement(query.count(source))) {
      bind(counted, query.args);
      try (ResultSet row = counted.executeQuery()) {
        row.next();
        total = row.getLong(1);
      }
    }
    int size = JSON.readTree(body).size();
    if (size == 0 && query.offset > 0 && query.offset >= total) {
      return error(416, "PGRST103", "Requested range not satisfiable");
    }
    String range =
        size == 0 ? "*/" + total : query.offset + "-" + (query.offset + size - 1) + "/" + total;
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(size < total ? 206 : 200)
        .withHeader("Content-Range", range)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }

  /** {@code POST /{table}}: inserts the body's columns, merging duplicates on the conflict key. */
  private static ResponseDefinition upsert(
      Connection c, String table, Request request, Map<String, String> params) throws Exception {
    JsonNode body = JSON.readTree(request.getBodyAsString());
    ArrayNode rows = body.isArray() ? (ArrayNode) body : JSON.createArrayNode().add(body);
    List<String> columns = new ArrayList<>();
    for (Iterator<String> names = rows.get(0).fieldNames(); names.hasNext(); ) {
      columns.add(PostgrestQuery.name(names.next()));
    }
    String list = String.join(", ", columns);
    StringBuilder sql =
        new StringBuilder("insert into public.")
            .append(table)
            .append(" (")
            .append(list)
            .append(") select ")
            .append(list)
            .append(" from jsonb_populate_recordset(null::public.")
            .append(table)
            .append(", ?::jsonb)");
    String conflict = params.get("on_conflict");
    if (conflict != null) {
      sql.append(" on conflict (").append(PostgrestQuery.name(conflict)).append(")");
      if (prefers(request, "resolution=merge-duplicates")) {
        List<String> sets = new ArrayList<>();
        columns.forEach(col -> sets.add(col + " = excluded." + col));
        sql.append(" do update set ").append(String.join(", ", sets));
      } else if (prefers(request, "resolution=ignore-duplicates")) {
        sql.append(" do nothing");
      }
    }
    sql.append(" returning *");
    try (PreparedStatement insert =
        c.prepareStatement(
            "with w as (" + sql + ") select coalesce(json_agg(w), '[]')::text from w")) {
      insert.setString(1, rows.toString());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return prefers(request, "return=representation")
            ? new ResponseDefinition(201, row.getString(1))
            : new ResponseDefinition(201, "");
      }
    }
  }

  private static void bind(PreparedStatement statement, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      statement.setObject(i + 1, args.get(i), Types.OTHER);
    }
  }

  private static boolean prefers(Request request, String preference) {
    String prefer = request.getHeader("Prefer");
    return prefer != null && Arrays.asList(prefer.replace(" ", "").split(",")).contains(preference);
  }

  private static ResponseDefinition notFound() {
    return error(404, "PGRST202", "Could not find the function in the schema cache");
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
