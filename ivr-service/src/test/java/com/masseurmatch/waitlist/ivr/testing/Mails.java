package com.masseurmatch.waitlist.ivr.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a received e-mail: its text and HTML parts, and the links in its headers. */
public final class Mails {

  private Mails() {}

  /** The message's parts by media type ({@code text/plain}, {@code text/html}). */
  public static Map<String, String> parts(MimeMessage message) throws Exception {
    Map<String, String> parts = new LinkedHashMap<>();
    collect(message, parts);
    return parts;
  }

  private static void collect(Part part, Map<String, String> parts) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, parts);
      }
    } else if (content instanceof String text) {
      String type = part.getContentType().split(";")[0].trim().toLowerCase();
      parts.put(type, text);
    }
  }

  /** The path and query of an absolute link to the service ({@link Webhooks#PUBLIC_BASE}). */
  public static String local(String url) {
    if (!url.startsWith(Webhooks.PUBLIC_BASE)) {
      throw new AssertionError("not a link to the service: " + url);
    }
    return url.substring(Webhooks.PUBLIC_BASE.length());
  }
}
