package io.rawi.speech;

import io.rawi.error.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The voices defined in a {@code voices/} folder: one {@code .properties} file per voice.
 *
 * <pre>
 * id=ar-espeak                 # required, unique
 * name=Arabic (eSpeak NG)
 * languages=ar                 # primary language subtags, comma-separated
 * backend=espeak               # provider id
 * voice=ar                     # the engine's voice name
 * rate=100                     # percent of the engine's normal speed (also pitch, volume)
 * lexicon=lexicons/ar-names.pls
 * default=true                 # the default voice for its languages
 * command.1=pico2wave          # command backend only: program and arguments, no shell
 * command.2=--wave={out}
 * timeout=20                   # seconds per call, plus timeout.perWord for each word
 * </pre>
 *
 * The folder is {@code rawi.voices} (a system property; the launcher sets it), else {@code RAWI_VOICES}, else
 * {@code ./voices}. Immutable after loading.
 */
public final class VoiceRegistry {
    private final Map<String, VoiceDefinition> voices;

    private VoiceRegistry(Map<String, VoiceDefinition> voices) {
        this.voices = voices;
    }

    /** The folder voices are read from when none is given. */
    public static Path defaultFolder() {
        return io.rawi.internal.Folders.voices();
    }

    /** Loads every {@code *.properties} file in {@code folder}, in name order. */
    public static VoiceRegistry load(Path folder) throws BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": the voices folder does not exist (set RAWI_VOICES or run from "
                    + "the rawi folder)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list the voices folder (" + e.getMessage() + ")");
        }
        Map<String, VoiceDefinition> voices = new LinkedHashMap<>();
        for (Path file : files) {
            VoiceDefinition v = parse(file);
            VoiceDefinition previous = voices.putIfAbsent(v.id(), v);
            if (previous != null) {
                throw new BadInputException(file + ": voice id '" + v.id() + "' is already defined by " + previous.source());
            }
        }
        return new VoiceRegistry(voices);
    }

    /** Reads one voice file, checking every field. */
    public static VoiceDefinition parse(Path file) throws BadInputException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(file + ": cannot read the voice file (" + e.getMessage() + ")");
        }
        String id = required(p, "id", file);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new BadInputException(file + ": id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        List<String> languages = Arrays.stream(required(p, "languages", file).split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        String backend = required(p, "backend", file);
        List<String> command = new ArrayList<>();
        for (int i = 1; p.containsKey("command." + i); i++) {
            command.add(p.getProperty("command." + i));
        }
        if (backend.equals("command") && command.isEmpty()) {
            throw new BadInputException(file + ": a command voice needs command.1, command.2, … (program and arguments)");
        }
        Optional<Lexicon> lexicon = Optional.empty();
        String lex = p.getProperty("lexicon");
        if (lex != null && !lex.isBlank()) {
            Path lexFile = file.resolveSibling(lex.strip());
            if (!Files.isRegularFile(lexFile)) {
                throw new BadInputException(file + ": lexicon " + lexFile + " does not exist");
            }
            lexicon = Optional.of(Lexicon.read(lexFile));
        }
        return new VoiceDefinition(id, p.getProperty("name", id), languages, backend,
                p.getProperty("voice", languages.isEmpty() ? id : languages.get(0)),
                percent(p, "rate", file), percent(p, "pitch", file), percent(p, "volume", file), lexicon,
                Boolean.parseBoolean(p.getProperty("default", "false").strip()), command,
                number(p, "timeout", 30, file), number(p, "timeout.perWord", 1, file), file, pauses(p, file),
                Boolean.parseBoolean(p.getProperty("numbers.spell", "false").strip()), months(p, file));
    }

    private static ArabicNumbers.Months months(Properties p, Path file) throws BadInputException {
        String value = p.getProperty("months", "gulf").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "gulf", "egyptian" -> ArabicNumbers.Months.EGYPTIAN_GULF;
            case "levantine" -> ArabicNumbers.Months.LEVANTINE;
            default -> throw new BadInputException(file + ": months=" + value + ": give gulf (يناير) or levantine "
                    + "(كانون الثاني)");
        };
    }

    /** {@code pause.paragraph}, {@code pause.heading}, {@code pause.chapter} in ms, each at least the one before. */
    private static VoiceDefinition.Pauses pauses(Properties p, Path file) throws BadInputException {
        VoiceDefinition.Pauses d = VoiceDefinition.Pauses.DEFAULT;
        int paragraph = (int) number(p, "pause.paragraph", d.paragraphMs(), file);
        int heading = (int) number(p, "pause.heading", d.headingMs(), file);
        int chapter = (int) number(p, "pause.chapter", d.chapterMs(), file);
        if (paragraph < 300 || heading < paragraph || chapter < heading || chapter > 10_000) {
            throw new BadInputException(file + ": pauses must grow from paragraph (at least 300 ms) to heading to "
                    + "chapter (at most 10,000 ms): " + paragraph + ", " + heading + ", " + chapter);
        }
        return new VoiceDefinition.Pauses(paragraph, heading, chapter);
    }

    private static String required(Properties p, String key, Path file) throws BadInputException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BadInputException(file + ": missing '" + key + "'");
        }
        return v.strip();
    }

    private static int percent(Properties p, String key, Path file) throws BadInputException {
        double v = number(p, key, 100, file);
        if (v < 10 || v > 400) {
            throw new BadInputException(file + ": " + key + "=" + p.getProperty(key) + " is out of range (10 to 400 percent)");
        }
        return (int) Math.round(v);
    }

    private static double number(Properties p, String key, double fallback, Path file) throws BadInputException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d > 0)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": " + key + "=" + v + " is not a positive number");
        }
    }

    public List<VoiceDefinition> all() {
        return List.copyOf(voices.values());
    }

    public Optional<VoiceDefinition> byId(String id) {
        return Optional.ofNullable(voices.get(id));
    }

    /** Voices that speak {@code primaryLanguage}: defaults first, then by id. */
    public List<VoiceDefinition> forLanguage(String primaryLanguage) {
        return voices.values().stream().filter(v -> v.speaks(primaryLanguage))
                .sorted(Comparator.comparing((VoiceDefinition v) -> !v.isDefault()).thenComparing(VoiceDefinition::id))
                .toList();
    }
}
