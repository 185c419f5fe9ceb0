package com.masseurmatch.waitlist.ivr.admin.session;

import java.time.Instant;

/**
 * A signed-in operator: the name they gave (kept with every change they make), when the sign-in
 * ends, and the CSRF token every state-changing form of theirs must carry.
 */
public record ConsoleSession(String operator, Instant expiresAt, String nonce, String csrfToken) {}
