package io.rawi.speech;

import io.rawi.book.Language;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a voice for each language and opens its engine. {@code --voice} wins, then {@code --backend}, then the
 * default voice for the language, then any other voice for it whose backend is available. When nothing can speak a
 * language, the error names every provider and why it declined: never silence.
 *
 * <p>Engines are opened once per voice and shared; close the service to close them. Thread-safe.
 */
public final class SpeechService implements AutoCloseable {
    private final VoiceRegistry voices;
    private final Map<String, SpeechProvider> providers;
    private final Optional<String> voiceId;
    private final Optional<String> backendId;
    private final Map<String, SpeechEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    public SpeechService(VoiceRegistry voices, List<SpeechProvider> providers, Optional<String> voiceId,
                         Optional<String> backendId) throws BadInputException {
        this.voices = voices;
        this.providers = new LinkedHashMap<>();
        providers.forEach(p -> this.providers.putIfAbsent(p.id(), p));
        this.voiceId = voiceId;
        this.backendId = backendId;
        if (voiceId.isPresent() && voices.byId(voiceId.get()).isEmpty()) {
            throw new BadInputException("--voice '" + voiceId.get() + "': no such voice; known voices: "
                    + String.join(", ", voices.all().stream().map(VoiceDefinition::id).toList()) + " (see 'rawi voices')");
        }
        if (backendId.isPresent() && !this.providers.containsKey(backendId.get())) {
            throw new BadInputException("--backend '" + backendId.get() + "': no such backend; known backends: "
                    + String.join(", ", this.providers.keySet()));
        }
    }

    /** The providers on the class path, in {@link ServiceLoader} order. */
    public static List<SpeechProvider> installedProviders() {
        List<SpeechProvider> list = new ArrayList<>();
        ServiceLoader.load(SpeechProvider.class).forEach(list::add);
        return list;
    }

    public Map<String, SpeechProvider> providers() {
        return providers;
    }

    /** The probe of a backend, asked once. */
    public Probe probe(String backend) {
        SpeechProvider p = providers.get(backend);
        if (p == null) {
            return Probe.no("no backend '" + backend + "' is installed");
        }
        return probes.computeIfAbsent(backend, b -> p.probe());
    }

    /** Why {@code voice} cannot be used here, or empty when it can. */
    public Optional<String> unavailable(VoiceDefinition voice) {
        Probe probe = probe(voice.backend());
        if (!probe.available()) {
            return Optional.of(probe.detail());
        }
        if (voice.backend().equals(CommandProvider.ID)) {
            return Optional.ofNullable(CommandProvider.missingProgram(voice));
        }
        return Optional.empty();
    }

    /** The voice that will speak {@code language}. */
    public VoiceDefinition voiceFor(Language language) throws RawiException {
        if (voiceId.isPresent()) {
            VoiceDefinition v = voices.byId(voiceId.get()).orElseThrow();
            Optional<String> why = unavailable(v);
            if (why.isPresent()) {
                throw new SpeechException("voice " + v.id() + " (backend " + v.backend() + ") is not available: " + why.get());
            }
            return v;
        }
        String primary = language.primary();
        List<VoiceDefinition> candidates = voices.forLanguage(primary).stream()
                .filter(v -> backendId.isEmpty() || v.backend().equals(backendId.get())).toList();
        if (backendId.isPresent() && candidates.isEmpty()) {
            throw new SpeechException("backend " + backendId.get() + " has no voice for " + language.tag()
                    + reasons(language));
        }
        for (VoiceDefinition v : candidates) {
            if (unavailable(v).isEmpty()) {
                return v;
            }
        }
        Optional<VoiceDefinition> automatic = automatic(language);
        if (candidates.isEmpty() && automatic.isPresent() && unavailable(automatic.get()).isEmpty()
                && backendId.map(EspeakProvider.ID::equals).orElse(true)) {
            return automatic.get();
        }
        throw new SpeechException("no speech backend can speak " + language.tag() + reasons(language));
    }

    /**
     * For a language no voice file names, eSpeak NG's own voice for it when eSpeak NG defines the language (it has
     * about a hundred): a book's Italian epigraph is read in Italian rather than the conversion failing.
     */
    private static Optional<VoiceDefinition> automatic(Language language) {
        String tag = language.tag().toLowerCase(java.util.Locale.ROOT);
        String primary = language.primary().toLowerCase(java.util.Locale.ROOT);
        if (primary.equals("zh")) {
            // eSpeak NG names Chinese by its spoken language: Mandarin, or Cantonese for Hong Kong and Macau
            primary = tag.contains("hk") || tag.contains("mo") || tag.contains("yue") ? "yue" : "cmn";
            tag = primary;
        }
        String name = EspeakProvider.languages().contains(tag) ? tag
                : EspeakProvider.languages().contains(primary) ? primary : null;
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new VoiceDefinition(language.primary() + "-espeak-auto", "eSpeak NG " + name + " (automatic)",
                List.of(language.primary()), EspeakProvider.ID, name, 100, 100, 100, Optional.empty(), false, List.of(), 30, 1,
                java.nio.file.Path.of("(eSpeak NG's own " + name + " voice)")));
    }

    /** Every provider, and why it declined {@code language}. */
    private String reasons(Language language) {
        StringBuilder sb = new StringBuilder(":");
        for (SpeechProvider p : providers.values()) {
            List<VoiceDefinition> forLang = voices.forLanguage(language.primary()).stream()
                    .filter(v -> v.backend().equals(p.id())).toList();
            Probe probe = probe(p.id());
            sb.append(" ").append(p.id()).append(": ");
            if (forLang.isEmpty()) {
                List<String> langs = voices.all().stream().filter(v -> v.backend().equals(p.id()))
                        .flatMap(v -> v.languages().stream()).distinct().toList();
                sb.append("no voice for ").append(language.primary())
                        .append(langs.isEmpty() ? "" : " (speaks " + String.join(", ", langs) + ")");
            } else if (!probe.available()) {
                sb.append(probe.detail());
            } else {
                sb.append(unavailable(forLang.get(0)).orElse("available"));
            }
            sb.append(";");
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** The engine for {@code voice}, opened on first use. */
    public SpeechEngine engine(VoiceDefinition voice) throws SpeechException {
        SpeechEngine e = engines.get(voice.id());
        if (e != null) {
            return e;
        }
        synchronized (engines) {
            e = engines.get(voice.id());
            if (e == null) {
                SpeechProvider p = providers.get(voice.backend());
                if (p == null) {
                    throw new SpeechException("voice " + voice.id() + ": no backend '" + voice.backend() + "' is installed");
                }
                e = p.open(voice);
                engines.put(voice.id(), e);
            }
            return e;
        }
    }

    @Override
    public void close() {
        engines.values().forEach(SpeechEngine::close);
        engines.clear();
    }
}
