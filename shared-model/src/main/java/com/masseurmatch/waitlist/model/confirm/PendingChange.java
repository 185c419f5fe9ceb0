package com.masseurmatch.waitlist.model.confirm;

import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import java.time.Instant;
import java.util.UUID;

/**
 * Details a public signup gave for an e-mail already on the list, waiting for the entry's owner;
 * {@code version} changes whenever the details do, so a link confirms exactly what it showed.
 */
public record PendingChange(
    UUID id,
    UUID waitlistId,
    String fullName,
    String phone,
    Role role,
    Source source,
    String callSid,
    String version,
    Instant createdAt,
    Instant updatedAt) {}
