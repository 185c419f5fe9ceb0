package com.masseurmatch.waitlist.model.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes {@link StreamTokens} from configuration. */
@ApplicationScoped
public class StreamTokenProducer {

  @Produces
  @Singleton
  StreamTokens streamTokens(StreamTokenConfig config, Clock clock) {
    return new StreamTokens(config.secret(), config.ttl(), clock);
  }
}
