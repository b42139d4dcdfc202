package io.rawi.speech;

import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.book.Word;
import io.rawi.diacritize.Diacritizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is spoken for what is shown. Quote marks, brackets and decoration are not voiced; a word the lexicon knows is
 * replaced by its alias (also behind a one-letter Arabic proclitic: وبيراموف); other Arabic words get the short vowels
 * the text lacks from the {@link Diacritizer}, since eSpeak NG reads only vowelled Arabic correctly. Digits stay
 * digits, which engines read as numbers in the voice's language, except for a voice that skips them
 * ({@code numbers.spell=true}): rawi writes them out in words ({@link NumberWords}).
 */
public final class SpeechText {
    private static final String SILENT = "«»“”„‟\"'‘’‚‹›()[]{}<>*_~|#•·–—-";
    private static final String PROCLITICS = "وفبلك";

    private SpeechText() {
    }

    /** The request for a paragraph, vowelled when it is Arabic, with a timeout sized by its length for {@code voice}. */
    public static SpeechRequest request(Paragraph p, VoiceDefinition voice) {
        return request(p, voice, true);
    }

    /**
     * The request for a paragraph, with a timeout sized by its length for {@code voice}.
     *
     * @param diacritize whether Arabic words get the vowels they lack
     */
    public static SpeechRequest request(Paragraph p, VoiceDefinition voice, boolean diacritize) {
        List<String> written = new ArrayList<>();
        for (Sentence s : p.sentences()) {
            for (Word w : s.words()) {
                written.add(w.text());
            }
        }
        boolean arabic = vowelled(p);
        List<String> said = written;
        if (arabic) {
            // numbers and signs said in words first, so that the diacritizer vowels those words in context too
            said = ArabicNumbers.sayAll(written, voice.months(), Abbreviations.forVoice(voice, "ar"));
        }
        if (!arabic && SymbolWords.serves(p.language().tag())) {
            said = new ArrayList<>(written.size());
            for (int i = 0; i < written.size(); i++) {
                said.add(SymbolWords.say(written.get(i), i > 0 ? written.get(i - 1) : null, p.language().tag()));
            }
        }
        List<String> vowelled = diacritize && arabic ? Diacritizer.arabic().diacritize(said) : said;
        List<SpokenSentence> sentences = new ArrayList<>();
        int index = 0;
        for (Sentence s : p.sentences()) {
            List<SpokenWord> words = new ArrayList<>();
            for (Word w : s.words()) {
                String spoken = spoken(w.text(), voice.lexicon());
                String vowels = vowelled.get(index++);
                if (!vowels.equals(w.text()) && spoken.equals(spoken(w.text(), Optional.empty()))) {
                    // the lexicon did not know the word: its vowelled form is spoken
                    spoken = spoken(vowels, Optional.empty());
                }
                if (arabic) {
                    spoken = forEngine(spoken);
                }
                if (voice.spellNumbers()) {
                    spoken = NumberWords.spell(spoken, p.language().tag());
                }
                if (!spoken.isEmpty()) {
                    words.add(new SpokenWord(w.id(), spoken));
                }
            }
            sentences.add(new SpokenSentence(s.id(), words));
        }
        int wordCount = 0;
        for (SpokenSentence s : sentences) {
            wordCount += s.words().size();
        }
        Duration timeout = Duration.ofMillis(Math.round(1000 * (voice.timeoutBase() + voice.timeoutPerWord() * wordCount)));
        return new SpeechRequest(p.id(), p.language(), sentences, timeout);
    }

    /** Whether {@code p} is Arabic, which the diacritizer vowels when asked. */
    public static boolean vowelled(Paragraph p) {
        return "ar".equals(p.language().primary());
    }

    /**
     * Vowelled Arabic as eSpeak NG reads it: a vowel written before shadda (the order Unicode normalisation gives) is
     * put after it, since eSpeak NG drops a vowel it finds before the shadda (السَّلام read as "asssla:m"); and a bare
     * hamza below alif (إ), which vowelled text often leaves unmarked, gets its kasra, which eSpeak NG does not infer.
     */
    static String forEngine(String word) {
        StringBuilder sb = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            boolean vowelThenShadda = c >= '\u064B' && c <= '\u0650' && next == '\u0651';
            boolean bareHamzaBelow = c == '\u0625' && !(next >= '\u064B' && next <= '\u0652');
            if ((vowelThenShadda || bareHamzaBelow) && sb == null) {
                sb = new StringBuilder(word.length() + 2).append(word, 0, i);
            }
            if (vowelThenShadda) {
                sb.append(next).append(c);
                i++;
            } else if (bareHamzaBelow) {
                sb.append(c).append('\u0650');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? word : sb.toString();
    }

    /** A written word as spoken: silent marks removed, lexicon applied; empty when nothing is left to say. */
    public static String spoken(String written, Optional<Lexicon> lexicon) {
        // plain loops, not code-point streams: a rebuild runs this for every word of the book, cold; and a word with
        // nothing silent in it (most of them) is kept as it is, not copied
        StringBuilder kept = null;
        boolean sayable = false;
        for (int i = 0; i < written.length(); ) {
            int cp = written.codePointAt(i);
            int at = i;
            i += Character.charCount(cp);
            if (SILENT.indexOf(cp) < 0 && cp != 0x0640) {
                if (kept != null) {
                    kept.appendCodePoint(cp);
                }
                sayable |= Character.isLetterOrDigit(cp);
            } else {
                if (kept == null) {
                    kept = new StringBuilder(written.length()).append(written, 0, at);
                }
                if (at > 0 && i < written.length() && Character.isDigit(written.charAt(at - 1))
                        && Character.isDigit(written.charAt(i))) {
                    // 1790–1793 is two numbers, not 17901793
                    kept.append(' ');
                }
            }
        }
        if (!sayable) {
            return "";
        }
        String word = kept == null ? written : kept.toString();
        if (lexicon.isEmpty()) {
            return word;
        }
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        String core = word.substring(start, end);
        String replaced = lexicon.get().apply(core);
        if (replaced.equals(core) && core.length() > 2 && PROCLITICS.indexOf(core.charAt(0)) >= 0) {
            String tail = core.substring(1);
            String rest = lexicon.get().apply(tail);
            if (!rest.equals(tail)) {
                replaced = core.charAt(0) + rest;
            }
        }
        return start == 0 && end == word.length() ? replaced : word.substring(0, start) + replaced + word.substring(end);
    }

}
