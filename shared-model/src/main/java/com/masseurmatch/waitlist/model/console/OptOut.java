package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.confirm.Channel;
import java.time.Instant;

/**
 * A destination that asked for no more messages: a number that texted STOP (with the keyword) or an
 * address that unsubscribed, and when.
 */
public record OptOut(Channel channel, String destination, String keyword, Instant at) {}
