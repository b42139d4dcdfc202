package io.rawi.speech;

import io.rawi.error.ProcessingException;
import io.rawi.internal.Processes;
import io.rawi.internal.Programs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any speech program, described by a voice file: {@code command.1}, {@code command.2}… are the program and its
 * arguments, run without a shell (so text can never inject a command). Placeholders: {@code {text}} (the sentence),
 * {@code {textFile}} (a UTF-8 file holding it), {@code {out}} (the WAV file to write; without it, WAV is read from
 * standard output), {@code {lang}} (BCP 47 tag) and {@code {voice}} (the voice's engine name). The program is run once
 * per sentence, so sentence positions are exact; word positions are apportioned.
 */
public final class CommandProvider implements SpeechProvider {
    static final String ID = "command";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Probe probe() {
        return Probe.ok("runs the program named in each command voice");
    }

    /** Whether the voice's program can be found (as a path or on PATH). */
    static String missingProgram(VoiceDefinition voice) {
        String program = voice.command().get(0);
        if (Programs.find(program).isPresent()) {
            return null;
        }
        return program + (program.contains("/") ? " is not an executable file" : " is not on PATH");
    }

    @Override
    public SpeechEngine open(VoiceDefinition voice) throws SpeechException {
        String missing = missingProgram(voice);
        if (missing != null) {
            throw new SpeechException("command: voice " + voice.id() + " (" + voice.source() + "): " + missing);
        }
        return new Engine(voice);
    }

    private record Engine(VoiceDefinition voice) implements SpeechEngine {
        @Override
        public String version() {
            return "command:" + String.join(" ", voice.command());
        }

        @Override
        public boolean parallel() {
            return true;
        }

        @Override
        public Utterance synthesize(SpeechRequest request) throws SpeechException {
            String what = request.paragraphId() + " (command, voice " + voice.id() + ")";
            List<short[]> parts = new ArrayList<>();
            List<Mark> sentences = new ArrayList<>();
            long at = 0;
            int rate = 0;
            Path dir = null;
            try {
                dir = Files.createTempDirectory("rawi-speech-");
                for (SpokenSentence s : request.sentences()) {
                    Pcm.Samples samples = run(s, request, dir, what);
                    if (rate != 0 && samples.sampleRate() != rate) {
                        throw new SpeechException(what + ": the program changed its sample rate between sentences");
                    }
                    rate = samples.sampleRate();
                    parts.add(samples.samples());
                    sentences.add(Marks.apportioned(s, at, at + samples.samples().length));
                    at += samples.samples().length;
                }
            } catch (IOException e) {
                throw new SpeechException(what + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(dir);
            }
            short[] pcm = Pcm.concat(parts);
            if (pcm.length == 0 || Pcm.silent(pcm)) {
                throw new SpeechException(what + ": " + voice.command().get(0) + " produced no audible speech for "
                        + request.preview());
            }
            return new Utterance(pcm, rate, sentences);
        }

        private Pcm.Samples run(SpokenSentence s, SpeechRequest request, Path dir, String what)
                throws IOException, SpeechException {
            Path out = dir.resolve("sentence.wav");
            Path textFile = dir.resolve("sentence.txt");
            Files.deleteIfExists(out);
            Files.writeString(textFile, s.text(), StandardCharsets.UTF_8);
            boolean toFile = false;
            List<String> command = new ArrayList<>();
            for (String arg : voice.command()) {
                toFile |= arg.contains("{out}");
                command.add(arg.replace("{text}", s.text()).replace("{textFile}", textFile.toString())
                        .replace("{out}", out.toString()).replace("{lang}", request.language().tag())
                        .replace("{voice}", voice.engineVoice()));
            }
            Processes.Result r = speechProcess(command, new byte[0], request.timeout(), what);
            byte[] wav = toFile ? (Files.exists(out) ? Files.readAllBytes(out) : new byte[0]) : r.stdout();
            if (wav.length == 0) {
                throw new SpeechException(what + ": " + command.get(0) + " wrote no audio for sentence " + s.id());
            }
            try {
                return Pcm.decodeWav(wav);
            } catch (IOException e) {
                throw new SpeechException(what + ": " + command.get(0) + " wrote " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // nothing is kept between calls
        }
    }

    /** {@link Processes#run} for a speech program: its failures are speech failures. */
    static Processes.Result speechProcess(List<String> command, byte[] stdin, java.time.Duration timeout, String what)
            throws SpeechException {
        try {
            return Processes.run(command, stdin, timeout, what);
        } catch (ProcessingException e) {
            throw new SpeechException(e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover file in the temporary folder is harmless
        }
    }
}
