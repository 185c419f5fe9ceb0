package com.masseurmatch.waitlist.ivr.http;

import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A store failure that reaches a resource becomes problem+json: 503 when the store cannot be
 * reached (try again later), 502 when it refused the request.
 */
public class StoreErrors {

  @ServerExceptionMapper
  RestResponse<Problem> unavailable(StoreUnavailableException e) {
    return Problems.response(
        503, "Service unavailable", "The store cannot be reached; try again soon.");
  }

  @ServerExceptionMapper
  RestResponse<Problem> rejected(StoreRejectedException e) {
    return Problems.response(502, "Bad gateway", "The store refused the request.");
  }
}
