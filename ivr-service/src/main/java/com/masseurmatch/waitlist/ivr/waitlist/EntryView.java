package com.masseurmatch.waitlist.ivr.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A waitlist entry as the API shows it (snake_case, like the table). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EntryView(
    UUID id,
    @JsonProperty("full_name") String fullName,
    String phone,
    String email,
    String role,
    String source,
    @JsonProperty("call_sid") String callSid,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    String language,
    List<FieldError> warnings) {

  public static EntryView of(StoredEntry entry, List<FieldError> warnings) {
    return new EntryView(
        entry.id(),
        entry.fullName(),
        entry.phone(),
        entry.email(),
        entry.role().wireName(),
        entry.source().wireName(),
        entry.callSid(),
        entry.createdAt(),
        entry.updatedAt(),
        entry.language(),
        warnings);
  }
}
