package com.masseurmatch.waitlist.model.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgREST's query string as SQL, for the stand-in: {@code select} (columns or {@code *}),
 * horizontal filters ({@code col=op.value} with eq, neq, gt, gte, lt, lte, like, ilike, is, in, and
 * the logical {@code and=(...)} and {@code or=(...)}), {@code order}, {@code limit} and {@code
 * offset}. Values are bound untyped, so PostgreSQL reads them as the column's type, as PostgREST
 * does. Anything else is refused with PostgREST's parse error, so a client asking for more than the
 * stand-in knows fails loudly.
 */
final class PostgrestQuery {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern CONDITION =
      Pattern.compile("^(not\\.)?(eq|neq|gt|gte|lt|lte|like|ilike|is|in)\\.(.*)$", Pattern.DOTALL);
  private static final Map<String, String> OPERATORS =
      Map.of(
          "eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=", "like", "like",
          "ilike", "ilike");

  final String columns;
  final String where;
  final List<String> args;
  final String order;
  final Integer limit;
  final int offset;

  private PostgrestQuery(
      String columns, String where, List<String> args, String order, Integer limit, int offset) {
    this.columns = columns;
    this.where = where;
    this.args = args;
    this.order = order;
    this.limit = limit;
    this.offset = offset;
  }

  /** The query string of a request URL (everything after {@code ?}), decoded. */
  static Map<String, String> parameters(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    int question = url.indexOf('?');
    if (question < 0) {
      return params;
    }
    for (String pair : url.substring(question + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  static PostgrestQuery of(Map<String, String> params) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<String> args = new ArrayList<>();
    String columns = "*";
    String order = "";
    Integer limit = null;
    int offset = 0;
    for (Map.Entry<String, String> param : params.entrySet()) {
      String key = param.getKey();
      String value = param.getValue();
      switch (key) {
        case "select" -> columns = columns(value);
        case "order" -> order = order(value);
        case "limit" -> limit = number(value);
        case "offset" -> offset = number(value);
        case "on_conflict", "columns" -> {
          // write options, read by the caller
        }
        case "and", "or" -> conditions.add(logical(key, value, args));
        default -> conditions.add(condition(name(key), value, args));
      }
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return new PostgrestQuery(columns, where, args, order, limit, offset);
  }

  /** The page's SQL over {@code source} (a table or a function call aliased {@code r}). */
  String page(String source) {
    return "select "
        + columns
        + " from "
        + source
        + where
        + order
        + (limit == null ? "" : " limit " + limit)
        + " offset "
        + offset;
  }

  String count(String source) {
    return "select count(*) from " + source + where;
  }

  private static String columns(String select) throws SQLException {
    if (select.equals("*")) {
      return "*";
    }
    List<String> names = new ArrayList<>();
    for (String column : select.split(",")) {
      names.add(name(column.trim()));
    }
    return String.join(", ", names);
  }

  private static String order(String value) throws SQLException {
    List<String> terms = new ArrayList<>();
    for (String term : value.split(",")) {
      String[] parts = term.split("\\.");
      StringBuilder sql = new StringBuilder(name(parts[0]));
      for (int i = 1; i < parts.length; i++) {
        switch (parts[i]) {
          case "asc" -> sql.append(" asc");
          case "desc" -> sql.append(" desc");
          case "nullsfirst" -> sql.append(" nulls first");
          case "nullslast" -> sql.append(" nulls last");
          default -> throw parseError("unknown order " + parts[i]);
        }
      }
      terms.add(sql.toString());
    }
    return " order by " + String.join(", ", terms);
  }

  private static String logical(String kind, String value, List<String> args) throws SQLException {
    if (!value.startsWith("(") || !value.endsWith(")")) {
      throw parseError(kind + " needs parentheses");
    }
    List<String> parts = new ArrayList<>();
    for (String term : split(value.substring(1, value.length() - 1))) {
      int dot = term.indexOf('.');
      if (dot < 0) {
        throw parseError("bad logical term " + term);
      }
      parts.add(condition(name(term.substring(0, dot)), term.substring(dot + 1), args));
    }
    return "(" + String.join(kind.equals("and") ? " and " : " or ", parts) + ")";
  }

  private static String condition(String column, String value, List<String> args)
      throws SQLException {
    Matcher m = CONDITION.matcher(value);
    if (!m.matches()) {
      throw parseError("unknown operator in " + column + "=" + value);
    }
    String not = m.group(1) == null ? "" : "not ";
    String operator = m.group(2);
    String operand = unquote(m.group(3));
    String sql;
    switch (operator) {
      case "is" -> {
        if (!List.of("null", "true", "false").contains(operand)) {
          throw parseError("is takes null, true or false");
        }
        sql = column + " is " + operand;
      }
      case "in" -> {
        if (!operand.startsWith("(") || !operand.endsWith(")")) {
          throw parseError("in needs parentheses");
        }
        List<String> marks = new ArrayList<>();
        for (String item : split(operand.substring(1, operand.length() - 1))) {
          args.add(unquote(item));
          marks.add("?");
        }
        sql = column + " in (" + String.join(", ", marks) + ")";
      }
      case "like", "ilike" -> {
        args.add(operand.replace('*', '%'));
        sql = column + " " + OPERATORS.get(operator) + " ?";
      }
      default -> {
        args.add(operand);
        sql = column + " " + OPERATORS.get(operator) + " ?";
      }
    }
    return "(" + not + sql + ")";
  }

  /** Splits on commas outside double quotes and parentheses. */
  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '\\' && quoted && i + 1 < list.length()) {
        current.append(c).append(list.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    out.add(current.toString());
    return out;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }

  static String name(String name) throws SQLException {
    if (!NAME.matcher(name).matches()) {
      throw parseError("not a column name: " + name);
    }
    return name;
  }

  private static int number(String value) throws SQLException {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw parseError("not a number: " + value);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** PostgREST's answer to a query string it cannot parse (400, {@code PGRST100}). */
  static SQLException parseError(String message) {
    return new SQLException(message, "PGRST100");
  }
}
