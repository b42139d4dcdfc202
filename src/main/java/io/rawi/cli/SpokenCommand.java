package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rawi.book.Book;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.error.RawiException;
import io.rawi.pipeline.BookAssembler;
import io.rawi.pipeline.ConvertOptions;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpeechService;
import io.rawi.speech.SpeechText;
import io.rawi.speech.SpokenSentence;
import io.rawi.speech.SpokenWord;
import io.rawi.speech.VoiceDefinition;
import io.rawi.speech.VoiceRegistry;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Parameters(commandDescription = "Print each block exactly as the speech engine receives it (cleaned, vowelled, "
        + "lexicon applied), one block a line, for proofreading the pronunciation")
final class SpokenCommand extends Command {
    @Parameter(description = "INPUT...  (as for convert)", required = true)
    List<String> inputs = new ArrayList<>();

    @ParametersDelegate
    ReadingOptions reading = new ReadingOptions();

    @Parameter(names = "--voice", description = "Voice id whose lexicon applies (default: the language's voice)")
    String voice;

    @Parameter(names = "--voices", description = "Folder of voice definitions (default: voices/ beside rawi)")
    String voices;

    @Parameter(names = "--no-diacritize", description = "Arabic as written, without restoring the short vowels")
    boolean noDiacritize;

    @Parameter(names = "--ids", description = "Start each line with the block's id and a tab")
    boolean ids;

    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        ConvertOptions options = ConvertOptions.of(inputs).reading(Optional.ofNullable(reading.language),
                reading.digits, reading.format, Duration.ofSeconds(reading.timeout));
        Book book = new BookAssembler().assemble(options).book();
        VoiceRegistry registry = VoiceRegistry.load(voices != null ? Path.of(voices) : VoiceRegistry.defaultFolder());
        if (voice != null && registry.byId(voice).isEmpty()) {
            throw new io.rawi.error.BadInputException("--voice " + voice + ": no such voice in " + (voices != null
                    ? voices : VoiceRegistry.defaultFolder()));
        }
        Map<String, VoiceDefinition> byLanguage = new HashMap<>();
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(),
                Optional.ofNullable(voice), Optional.empty())) {
            for (Paragraph p : book.narrated()) {
                VoiceDefinition v = byLanguage.get(p.language().tag());
                if (v == null) {
                    v = choose(speech, registry, p.language(), err);
                    byLanguage.put(p.language().tag(), v);
                }
                SpeechRequest request = SpeechText.request(p, v, !noDiacritize);
                StringBuilder line = new StringBuilder();
                if (ids) {
                    line.append(p.id()).append('\t');
                }
                int start = line.length();
                for (SpokenSentence s : request.sentences()) {
                    for (SpokenWord w : s.words()) {
                        if (line.length() > start) {
                            line.append(' ');
                        }
                        line.append(w.text());
                    }
                }
                byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        out.flush();
        return 0;
    }

    /** The voice convert would use; when none can speak here, the language's first voice, said on stderr. */
    private VoiceDefinition choose(SpeechService speech, VoiceRegistry registry, Language lang, PrintStream err)
            throws RawiException {
        try {
            return speech.voiceFor(lang);
        } catch (RawiException unavailable) {
            List<VoiceDefinition> candidates = voice != null ? List.of(registry.byId(voice).orElseThrow())
                    : registry.forLanguage(lang.primary());
            if (candidates.isEmpty()) {
                err.println("note: no voice speaks " + lang.tag() + "; its blocks are shown without a lexicon");
                return registry.all().get(0).withoutLexicon();
            }
            err.println("note: " + unavailable.getMessage() + "; showing " + candidates.get(0).id() + "'s text anyway");
            return candidates.get(0);
        }
    }
}
