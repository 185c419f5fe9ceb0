package com.masseurmatch.waitlist.model.job;

/** How many jobs are due (queued and past their time), running (leased) and dead. */
public record JobStats(long due, long running, long dead) {}
