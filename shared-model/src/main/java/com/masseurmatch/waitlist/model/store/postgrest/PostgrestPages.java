package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pages of rows through PostgREST with their exact totals, and the JSON they come in. */
final class PostgrestPages {

  private final PostgrestClient client;

  PostgrestPages(PostgrestClient client) {
    this.client = client;
  }

  /** A page of a table's rows with its exact total. */
  <T> Page<T> page(
      String table,
      Map<String, String> filters,
      int offset,
      int limit,
      TypeReference<List<T>> type) {
    return page((query, count) -> client.select(table, query, count), filters, offset, limit, type);
  }

  /** A page with its exact total; an offset past the end is an empty page. */
  <T> Page<T> page(
      Rows source,
      Map<String, String> filters,
      int offset,
      int limit,
      TypeReference<List<T>> type) {
    Map<String, String> params = new LinkedHashMap<>(filters);
    params.put("limit", Integer.toString(limit));
    params.put("offset", Integer.toString(offset));
    try {
      PostgrestResponse response = source.select(params, true);
      List<T> rows = read(response.body(), type);
      long total = response.total();
      return new Page<>(rows, total < 0 ? offset + rows.size() : total);
    } catch (StoreRejectedException e) {
      if (e.status() != 416) {
        throw e;
      }
      Map<String, String> count = new LinkedHashMap<>(filters);
      count.put("limit", "1");
      return new Page<>(List.of(), Math.max(0, source.select(count, true).total()));
    }
  }

  <T> T read(String body, TypeReference<T> type) {
    try {
      return client.json().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  /** Where a page's rows come from: a table or a function that returns rows. */
  interface Rows {
    PostgrestResponse select(Map<String, String> query, boolean exactCount);
  }

  /** A page's rows and how many match in all. */
  record Page<T>(List<T> rows, long total) {}
}
