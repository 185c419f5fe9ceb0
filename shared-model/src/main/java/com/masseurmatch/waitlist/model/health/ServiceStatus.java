package com.masseurmatch.waitlist.model.health;

/** The body of {@code GET /api/health}: {@code ok} or {@code degraded}, the service and version. */
public record ServiceStatus(String status, String service, String version, String store) {

  public boolean ok() {
    return "ok".equals(status);
  }
}
