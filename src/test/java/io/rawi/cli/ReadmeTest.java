package io.rawi.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's command reference is complete: every option of every command, and every file of {@code voices/}, is
 * named in it (a new option or voice file without its line fails here).
 */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void everyOptionOfEveryCommandIsInTheReadme() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Map<String, Command> commands = Map.of("convert", new ConvertCommand(), "clean", new CleanCommand(),
                "spoken", new SpokenCommand(), "diacritize", new DiacritizeCommand(), "check", new CheckCommand(),
                "voices", new VoicesCommand(), "sideload", new SideloadCommand());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Command> c : commands.entrySet()) {
            if (!readme.contains("rawi " + c.getKey())) {
                missing.add("rawi " + c.getKey());
            }
            for (String name : names(c.getValue().getClass())) {
                if (!readme.contains("`" + name + "`") && !readme.contains("`" + name + " ")
                        && !readme.contains(" " + name + " ") && !readme.contains("[" + name + " ")
                        && !readme.contains(" " + name + "]") && !readme.contains(" " + name + "`")) {
                    missing.add(c.getKey() + " " + name);
                }
            }
        }
        for (String name : names(MainArgs.class)) {
            if (!readme.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "options the README's command reference does not name");
    }

    /** The option names a command class and its superclasses declare with {@code @Parameter}. */
    private static List<String> names(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                com.beust.jcommander.Parameter p = f.getAnnotation(com.beust.jcommander.Parameter.class);
                if (p != null) {
                    names.addAll(List.of(p.names()));
                }
            }
        }
        return names;
    }

    @Test
    void everyVoiceFileIsInTheReadme() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("voices"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = Path.of("voices").relativize(f).toString();
                String base = f.getFileName().toString().replaceFirst("\\.properties$", "");
                if (!readme.contains(relative) && !readme.contains("`" + base + "`")
                        && !readme.contains("`" + base + ".properties`")) {
                    missing.add(relative);
                }
            }
        }
        assertEquals(List.of(), missing, "voice files the README does not name");
    }
}
