package com.masseurmatch.waitlist.ivr.voice;

import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every voice webhook without a valid signature: 403, logged without the request's data. */
public class ForgedWebhookMapper {

  @ServerExceptionMapper
  RestResponse<String> forged(ForgedWebhookException e) {
    Log.warnf("refused a voice webhook: %s", e.getMessage());
    return RestResponse.status(RestResponse.Status.FORBIDDEN, "Forbidden");
  }
}
