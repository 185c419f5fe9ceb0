package com.masseurmatch.waitlist.bridge.variant;

import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import java.util.UUID;

/**
 * How one call's Realtime session is set up: the {@code session.update} to send, the model to
 * connect to and its prices, and the experiment variant they come from (none outside experiments).
 */
public record SessionChoice(
    String sessionUpdate,
    String model,
    ModelPrices.Prices prices,
    UUID experimentId,
    String variant) {}
