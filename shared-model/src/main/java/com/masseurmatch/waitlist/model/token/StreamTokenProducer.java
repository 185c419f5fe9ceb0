package com.masseurmatch.waitlist.model.token;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes {@link StreamTokens} from configuration. */
@ApplicationScoped
public class StreamTokenProducer {

  /** Created at start-up, so a service without a usable secret stops at once and says why. */
  @Produces
  @Singleton
  @Startup
  StreamTokens streamTokens(StreamTokenConfig config, Clock clock) {
    return new StreamTokens(config.secret().orElse(null), config.ttl(), clock);
  }
}
