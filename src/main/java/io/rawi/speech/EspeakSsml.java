package io.rawi.speech;

import org.apache.commons.text.StringEscapeUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SSML for a paragraph, with a mark before every sentence ({@code s<i>}) and word ({@code s<i>w<j>}) and one at the
 * end. eSpeak NG 1.51 drops marks that follow a sentence end, so the engine's word events are matched to words by
 * their character position, and marks fill in where an event is missing.
 */
final class EspeakSsml {
    final String text;
    final int[][] wordStart;
    final int[][] wordEnd;

    EspeakSsml(SpeechRequest request) {
        StringBuilder sb = new StringBuilder("<speak xml:lang=\"").append(request.language().tag()).append("\">");
        int n = request.sentences().size();
        wordStart = new int[n][];
        wordEnd = new int[n][];
        // words in another script (English in Hebrew) are spoken by a voice of their language: eSpeak NG's Hebrew
        // spells Latin letters one by one; its Arabic switches to English by itself, and is left to do so
        boolean switchVoices = !request.language().primary().equals("ar");
        for (int i = 0; i < n; i++) {
            SpokenSentence s = request.sentences().get(i);
            wordStart[i] = new int[s.words().size()];
            wordEnd[i] = new int[s.words().size()];
            sb.append("<mark name=\"s").append(i).append("\"/>");
            String open = null;
            for (int j = 0; j < s.words().size(); j++) {
                String word = s.words().get(j).text();
                String lang = switchVoices ? foreign(word, request.language()) : null;
                if (open != null && !open.equals(lang)) {
                    sb.append("</voice>");
                    open = null;
                }
                if (lang != null && open == null) {
                    sb.append("<voice xml:lang=\"").append(lang).append("\">");
                    open = lang;
                }
                sb.append("<mark name=\"s").append(i).append('w').append(j).append("\"/>");
                wordStart[i][j] = sb.codePointCount(0, sb.length());
                sb.append(StringEscapeUtils.escapeXml10(word));
                wordEnd[i][j] = sb.codePointCount(0, sb.length());
                if (j + 1 < s.words().size()) {
                    sb.append(' ');
                }
            }
            if (open != null) {
                sb.append("</voice>");
            }
            sb.append(i + 1 < n ? " " : "<mark name=\"end\"/> ");
        }
        text = sb.append("</speak>").toString();
    }

    /** The language of {@code word} when it is written in another script than {@code language}'s, else null. */
    static String foreign(String word, io.rawi.book.Language language) {
        List<io.rawi.book.LanguageRuns.Run> runs = io.rawi.book.LanguageRuns.find(word, language);
        if (runs.isEmpty()) {
            return null;
        }
        String tag = runs.get(0).language().tag();
        return tag.equals(language.tag()) || tag.equals("und") ? null : tag;
    }

    /**
     * Where every word starts, in samples, words of all sentences in a row. Each engine word event goes to the last
     * word that starts at or before its character position (events come in order, and a word takes the first
     * event that reaches it); a word without one takes its mark, and failing that a place between its neighbours
     * in proportion to their lengths in characters. eSpeak NG reports positions a character or two off around
     * sentence ends, and drops marks there, so no single source is enough.
     */
    static long[] wordStarts(SpeechRequest request, EspeakSsml ssml, List<EspeakLibrary.WordEvent> events,
                                     Map<String, Long> marks, long length) {
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < request.sentences().size(); i++) {
            for (int j = 0; j < request.sentences().get(i).words().size(); j++) {
                spans.add(new int[] {ssml.wordStart[i][j], ssml.wordEnd[i][j]});
                names.add("s" + i + "w" + j);
            }
        }
        int count = spans.size();
        long[] starts = new long[count];
        java.util.Arrays.fill(starts, -1);
        long last = 0;
        for (EspeakLibrary.WordEvent e : events) {
            int at = e.textPosition() - 1;
            int k = -1;
            for (int w = 0; w < count && spans.get(w)[0] - 2 <= at; w++) {
                k = w;
            }
            if (k >= 0 && starts[k] < 0 && e.sample() >= last) {
                starts[k] = Math.min(e.sample(), length);
                last = starts[k];
            }
        }
        for (int k = 0; k < count; k++) {
            if (starts[k] < 0 && marks.containsKey(names.get(k))) {
                starts[k] = marks.get(names.get(k));
            }
        }
        if (count > 0 && starts[0] < 0) {
            starts[0] = 0;
        }
        for (int k = 1; k < count; k++) {
            if (starts[k] >= 0) {
                continue;
            }
            int q = k;
            while (q < count && starts[q] < 0) {
                q++;
            }
            long from = starts[k - 1];
            long to = q < count ? starts[q] : length;
            int chars = 0;
            for (int w = k - 1; w < q; w++) {
                chars += spans.get(w)[1] - spans.get(w)[0] + 1;
            }
            int done = spans.get(k - 1)[1] - spans.get(k - 1)[0] + 1;
            for (int w = k; w < q; w++) {
                starts[w] = from + Math.round((to - from) * (double) done / Math.max(1, chars));
                done += spans.get(w)[1] - spans.get(w)[0] + 1;
            }
            k = q - 1;
        }
        for (int k = 1; k < count; k++) {
            starts[k] = Math.max(starts[k], starts[k - 1]);
        }
        return starts;
    }
}
