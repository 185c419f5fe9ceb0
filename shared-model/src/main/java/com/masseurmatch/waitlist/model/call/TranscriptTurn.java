package com.masseurmatch.waitlist.model.call;

import java.time.Instant;

/** One turn of a call transcript: who spoke ({@code caller} or {@code knotty}) and what. */
public record TranscriptTurn(String speaker, String text, Instant at) {}
