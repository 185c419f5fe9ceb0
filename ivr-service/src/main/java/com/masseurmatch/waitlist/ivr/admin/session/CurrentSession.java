package com.masseurmatch.waitlist.ivr.admin.session;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.CsrfRejectedException;
import jakarta.enterprise.context.RequestScoped;

/** The signed-in operator of the current console request, set by {@link ConsoleGuard}. */
@RequestScoped
public class CurrentSession {

  private ConsoleSession session;

  void set(ConsoleSession value) {
    this.session = value;
  }

  /** The session; every console page but the sign-in runs behind the guard, so there is one. */
  public ConsoleSession get() {
    if (session == null) {
      throw new IllegalStateException("no console session on this request");
    }
    return session;
  }

  public String operator() {
    return get().operator();
  }

  /** Refuses (403) a state-changing form whose CSRF token is not this session's. */
  public void requireCsrf(String token) {
    if (!ConsoleSessions.csrfMatches(get(), token)) {
      throw new CsrfRejectedException();
    }
  }
}
