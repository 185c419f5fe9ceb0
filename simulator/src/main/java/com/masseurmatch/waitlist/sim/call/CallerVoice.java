package com.masseurmatch.waitlist.sim.call;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The caller's voice on a media stream: a WAV file converted to what Twilio sends (8 kHz mono
 * u-law, no header) with the JDK's converters, then silence. Read 160 bytes (20 ms) at a time.
 */
final class CallerVoice {

  static final int FRAME = 160;

  private static final AudioFormat PCM_8K =
      new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 1, 2, 8000, false);
  private static final AudioFormat ULAW_8K =
      new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);

  private final byte[] audio;
  private int position;

  private CallerVoice(byte[] audio) {
    this.audio = audio;
  }

  static CallerVoice silence() {
    return new CallerVoice(new byte[0]);
  }

  /** Any PCM WAV (rate, channels and sample size as recorded) as 8 kHz mono u-law. */
  static CallerVoice fromWav(Path wav) throws IOException {
    try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat in = source.getFormat();
      AudioInputStream pcm = source;
      if (in.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || in.getSampleSizeInBits() != 16) {
        pcm =
            AudioSystem.getAudioInputStream(
                new AudioFormat(
                    AudioFormat.Encoding.PCM_SIGNED,
                    in.getSampleRate(),
                    16,
                    in.getChannels(),
                    in.getChannels() * 2,
                    in.getSampleRate(),
                    false),
                pcm);
      }
      if (pcm.getFormat().getChannels() != 1 || pcm.getFormat().getSampleRate() != 8000) {
        pcm = AudioSystem.getAudioInputStream(PCM_8K, pcm);
      }
      try (AudioInputStream ulaw = AudioSystem.getAudioInputStream(ULAW_8K, pcm)) {
        return new CallerVoice(ulaw.readAllBytes());
      }
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new IOException("cannot convert " + wav + " to 8 kHz u-law: " + e.getMessage(), e);
    }
  }

  /** Seconds of recorded voice. */
  double seconds() {
    return audio.length / 8000.0;
  }

  /** The next 20 ms: the recording while it lasts, then u-law silence (0xFF). */
  byte[] nextFrame() {
    byte[] frame = new byte[FRAME];
    java.util.Arrays.fill(frame, (byte) 0xFF);
    int take = Math.max(0, Math.min(FRAME, audio.length - position));
    System.arraycopy(audio, position, frame, 0, take);
    position += take;
    return frame;
  }
}
