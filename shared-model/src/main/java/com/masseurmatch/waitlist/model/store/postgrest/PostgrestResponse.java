package com.masseurmatch.waitlist.model.store.postgrest;

/** A successful PostgREST answer: status, body text and the {@code Content-Range} header. */
record PostgrestResponse(int status, String body, String contentRange) {

  /** The total after the slash of {@code Content-Range}, or -1 when PostgREST did not count. */
  long total() {
    if (contentRange == null) {
      return -1;
    }
    int slash = contentRange.indexOf('/');
    String total = slash < 0 ? "*" : contentRange.substring(slash + 1).trim();
    return total.equals("*") ? -1 : Long.parseLong(total);
  }
}
