package com.masseurmatch.waitlist.model.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks phone numbers and e-mail addresses before they reach a log line. */
public final class Masking {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  // seven or more digits, possibly with a leading + and separators between them
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,}");

  private Masking() {}

  /** "+14155550100" becomes "+1********00". */
  public static String phone(String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < 5) {
      return "*".repeat(digits.length());
    }
    String prefix = phone.startsWith("+") ? "+" + digits.charAt(0) : "";
    int hidden = digits.length() - prefix.replace("+", "").length() - 2;
    return prefix + "*".repeat(hidden) + digits.substring(digits.length() - 2);
  }

  /** "john.smith@gmail.com" becomes "j***@g***.com". */
  public static String email(String email) {
    if (email == null || email.isEmpty()) {
      return email;
    }
    int at = email.indexOf('@');
    if (at < 0) {
      return "***";
    }
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot < 0 ? "" : domain.substring(dot);
    String first = at > 0 ? email.substring(0, 1) : "";
    String domainFirst = domain.isEmpty() ? "" : domain.substring(0, 1);
    return first + "***@" + domainFirst + "***" + tld;
  }

  /** Masks every e-mail address and phone-number-like digit run in free text. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher emails = EMAIL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (emails.find()) {
      emails.appendReplacement(out, Matcher.quoteReplacement(email(emails.group())));
    }
    emails.appendTail(out);
    Matcher phones = PHONE.matcher(out.toString());
    StringBuilder masked = new StringBuilder();
    while (phones.find()) {
      phones.appendReplacement(masked, Matcher.quoteReplacement(phone(phones.group())));
    }
    phones.appendTail(masked);
    return masked.toString();
  }
}
