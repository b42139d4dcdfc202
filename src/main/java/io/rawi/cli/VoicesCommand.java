package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.error.RawiException;
import io.rawi.speech.SpeechService;
import io.rawi.speech.VoiceDefinition;
import io.rawi.speech.VoiceRegistry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

@Parameters(commandDescription = "List every voice: its languages, backend, and whether it is available (and why not)")
final class VoicesCommand extends Command {
    @Parameter(names = "--voices", description = "Folder of voice definitions (default: rawi's voices/)")
    String voices;


    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        VoiceRegistry registry = VoiceRegistry.load(voices != null ? Path.of(voices) : VoiceRegistry.defaultFolder());
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            out.printf("%-14s %-10s %-8s %-8s %s%n", "VOICE", "LANGUAGES", "BACKEND", "DEFAULT", "AVAILABLE");
            for (VoiceDefinition v : registry.all()) {
                Optional<String> why = speech.unavailable(v);
                out.printf("%-14s %-10s %-8s %-8s %s%n", v.id(), String.join(",", v.languages()), v.backend(),
                        v.isDefault() ? "yes" : "", why.map(w -> "no: " + w).orElse("yes"));
            }
            out.println();
            for (var p : speech.providers().values()) {
                var probe = speech.probe(p.id());
                out.println("backend " + p.id() + ": " + (probe.available() ? "available, " : "unavailable: ") + probe.detail());
            }
        }
        return 0;
    }
}
