package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of a database function with named arguments (nulls sent as JSON nulls), its answer read
 * as {@code type}.
 */
final class PostgrestRpc {

  private PostgrestRpc() {}

  static <T> T call(
      PostgrestClient client, String function, TypeReference<T> type, Object... pairs) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      args.put((String) pairs[i], pairs[i + 1]);
    }
    String body = client.rpc(function, args).body();
    try {
      return client.json().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }
}
