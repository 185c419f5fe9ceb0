package com.masseurmatch.waitlist.model.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Sends twilio-java's requests to another base URL (a simulator, or WireMock in tests): twilio-java
 * always builds {@code https://api.twilio.com/...} and has no setting for it. Optionally makes
 * exactly one attempt per request (no retry by twilio-java nor by Apache HttpClient), for requests
 * that must not be repeated blindly, such as sending an SMS.
 */
final class BaseUrlHttpClient extends NetworkHttpClient {

  private final URI base;
  private final boolean retries;

  BaseUrlHttpClient(URI base) {
    this.base = base;
    this.retries = true;
  }

  /** One attempt per request; {@code base} may be null for Twilio's own URL. */
  BaseUrlHttpClient(URI base, boolean retries) {
    super(
        HttpClientBuilder.create()
            .disableAutomaticRetries()
            .setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG));
    this.base = base;
    this.retries = retries;
  }

  @Override
  protected boolean shouldRetry(Response response, int[] retryCodes) {
    return retries && super.shouldRetry(response, retryCodes);
  }

  @Override
  public Response makeRequest(Request request) {
    if (base == null) {
      return super.makeRequest(request);
    }
    String path;
    try {
      path = new URL(request.getUrl()).getPath();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("twilio-java built a bad URL", e);
    }
    Request copy = new Request(request.getMethod(), base.toString().replaceAll("/$", "") + path);
    copyParams(request.getQueryParams(), copy::addQueryParam);
    copyParams(request.getPostParams(), copy::addPostParam);
    copyParams(request.getHeaderParams(), copy::addHeaderParam);
    copy.setContentType(request.getContentType());
    if (request.getBody() != null) {
      copy.setBody(request.getBody());
    }
    if (request.getAuthStrategy() != null) {
      copy.setAuth(request.getAuthStrategy());
    } else if (request.getUsername() != null) {
      copy.setAuth(request.getUsername(), request.getPassword());
    }
    return super.makeRequest(copy);
  }

  private static void copyParams(Map<String, List<String>> params, ParamSink sink) {
    params.forEach((name, values) -> values.forEach(value -> sink.add(name, value)));
  }

  @FunctionalInterface
  private interface ParamSink {
    void add(String name, String value);
  }
}
