package io.rawi.speech;

import io.rawi.audio.WavEncoder;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small speech program for the command backend's tests: {@code ToneProgram MODE OUT TEXT} writes a WAV of one
 * 200 ms tone per word to OUT (or to standard output when OUT is "-"). Modes: ok, crash (exit 3 with a message),
 * hang (sleep), slow (400 ms, then ok), silent (only zeros), nothing (write no file).
 */
public final class ToneProgram {
    private ToneProgram() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String text = args[2];
        switch (mode) {
            case "crash" -> {
                System.err.println("tone: the voice data is corrupt");
                System.exit(3);
            }
            case "hang" -> Thread.sleep(60_000);
            case "slow" -> {
                Thread.sleep(400);
                main(new String[] {"ok", args[1], text});
            }
            case "nothing" -> System.exit(0);
            default -> {
                int rate = 16000;
                int words = text.split("\\s+").length;
                short[] pcm = new short[words * rate / 5];
                if (!mode.equals("silent")) {
                    for (int i = 0; i < pcm.length; i++) {
                        pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * 330 * i / rate));
                    }
                }
                try (OutputStream out = args[1].equals("-") ? System.out : Files.newOutputStream(Path.of(args[1]))) {
                    WavEncoder.write(out, pcm, rate);
                }
            }
        }
    }
}
