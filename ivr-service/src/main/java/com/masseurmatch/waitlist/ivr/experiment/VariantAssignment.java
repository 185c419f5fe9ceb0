package com.masseurmatch.waitlist.ivr.experiment;

import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.Variant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which variant a call gets: a hash of the experiment and the caller's number (the call SID when
 * the number is withheld) picks a point on the variants' weights, so a repeat caller hears the same
 * variant for as long as the experiment runs. Paused variants take no calls.
 */
final class VariantAssignment {

  /** A number Twilio passes on: E.164. Withheld ones come as words or Twilio's stand-in. */
  private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** What Twilio sends as {@code From} for an anonymous caller. */
  private static final String TWILIO_ANONYMOUS = "+266696687";

  private VariantAssignment() {}

  /** The key a call is assigned by: its caller's number, else its call SID. */
  static String key(String from, String callSid) {
    return from != null && NUMBER.matcher(from).matches() && !TWILIO_ANONYMOUS.equals(from)
        ? from
        : callSid;
  }

  static Optional<Variant> pick(Experiment experiment, String key) {
    List<Variant> open =
        experiment.variants().stream().filter(v -> !v.paused() && v.weight() > 0).toList();
    long total = open.stream().mapToLong(Variant::weight).sum();
    if (total == 0) {
      return Optional.empty();
    }
    long point = Long.remainderUnsigned(hash(experiment.id() + "\n" + key), total);
    for (Variant variant : open) {
      point -= variant.weight();
      if (point < 0) {
        return Optional.of(variant);
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
