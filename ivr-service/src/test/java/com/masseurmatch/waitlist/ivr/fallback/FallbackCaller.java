package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import java.util.Map;

/**
 * One caller in the fallback, as Twilio drives it: each answer goes to the action URL of the
 * previous {@code <Gather>}, query string (the carried state) included, signed like Twilio signs.
 */
final class FallbackCaller {

  private final String callSid;
  private String action;

  FallbackCaller(String callSid) {
    this.callSid = callSid;
  }

  String callSid() {
    return callSid;
  }

  /** Posts to a path of the IVR (the start of a path), and remembers the answer's action. */
  Twiml post(String path) {
    return remember(Webhooks.twiml(path, Webhooks.call(callSid)));
  }

  /** Answers the last {@code <Gather>}: {@code key} is Digits or SpeechResult, null for silence. */
  Twiml answer(String key, String value) {
    if (action == null) {
      throw new AssertionError("no <Gather> to answer");
    }
    Map<String, String> params = Webhooks.call(callSid);
    if (key != null) {
      params.put(key, value);
      if (key.equals("SpeechResult")) {
        params.put("Confidence", "0.9");
      }
    }
    return remember(Webhooks.twiml(action, params));
  }

  /** The path and query of the last {@code <Gather>}'s action. */
  String action() {
    return action;
  }

  private Twiml remember(Twiml twiml) {
    String url = twiml.text("//Gather/@action");
    action = url.isEmpty() ? null : url.substring(Webhooks.PUBLIC_BASE.length());
    return twiml;
  }
}
