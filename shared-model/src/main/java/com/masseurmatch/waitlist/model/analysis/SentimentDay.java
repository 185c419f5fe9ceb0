package com.masseurmatch.waitlist.model.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The average sentiment of one day's analysed calls (UTC days). */
public record SentimentDay(LocalDate day, long calls, BigDecimal sentiment) {}
