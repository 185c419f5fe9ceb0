package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class CallerVoiceTest {

  /** Half a second of a 440 Hz tone, recorded at 16 kHz: not what Twilio sends. */
  private static Path toneWav() throws IOException {
    int rate = 16_000;
    int samples = rate / 2;
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    Path wav = Files.createTempFile("tone", ".wav");
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples),
        AudioFileFormat.Type.WAVE,
        wav.toFile());
    return wav;
  }

  @Test
  void aWavBecomesEightKilohertzULawThenSilence() throws Exception {
    CallerVoice voice = CallerVoice.fromWav(toneWav());

    assertEquals(0.5, voice.seconds(), 0.02);
    byte[] first = voice.nextFrame();
    assertEquals(160, first.length);
    int distinct =
        (int)
            new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)
                .chars()
                .distinct()
                .count();
    assertTrue(distinct > 10, "a tone, not silence: " + distinct + " distinct bytes");
    for (int i = 1; i < 26; i++) {
      voice.nextFrame();
    }
    byte[] after = voice.nextFrame();
    for (byte b : after) {
      assertEquals((byte) 0xFF, b, "u-law silence once the recording is over");
    }
  }

  @Test
  void notAWavIsAClearError() throws Exception {
    Path text = Files.writeString(Files.createTempFile("voice", ".wav"), "not audio");
    IOException e = assertThrows(IOException.class, () -> CallerVoice.fromWav(text));
    assertTrue(e.getMessage().contains("cannot convert"), e.getMessage());
  }

  @Test
  void unknownStepsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CallScript("press 1; dance"));
  }
}
