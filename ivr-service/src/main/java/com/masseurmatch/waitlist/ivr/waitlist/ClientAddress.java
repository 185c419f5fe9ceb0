package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.ivr.config.WaitlistApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The client a request counts against. Without trusted proxies, the connection's peer. Behind them
 * ({@code TRUST_PROXY_HEADERS}), the address the outermost trusted proxy saw: each proxy appends
 * its peer to {@code X-Forwarded-For}, so with {@code TRUSTED_PROXY_HOPS} proxies it is that many
 * entries from the right. The entries left of it are whatever the client sent.
 */
@Singleton
public class ClientAddress {

  private final boolean trustProxyHeaders;
  private final int trustedHops;

  ClientAddress(WaitlistApiConfig config) {
    this.trustProxyHeaders = config.trustProxyHeaders();
    this.trustedHops = Math.max(1, config.trustedProxyHops());
  }

  public String of(HttpServerRequest request) {
    if (trustProxyHeaders) {
      List<String> hops = new ArrayList<>();
      for (String header : request.headers().getAll("X-Forwarded-For")) {
        for (String entry : header.split(",")) {
          if (!entry.isBlank()) {
            hops.add(entry.strip());
          }
        }
      }
      if (!hops.isEmpty()) {
        return hops.get(Math.max(0, hops.size() - trustedHops));
      }
    }
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
