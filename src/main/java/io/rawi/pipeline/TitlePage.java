package io.rawi.pipeline;

import io.rawi.book.Chapter;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The book's title page and what the listener hears at the start: the title (given, or cut from the first
 * sentence), the authors, and the blocks left unspoken because they would only repeat the title just heard.
 */
final class TitlePage {
    private TitlePage() {
    }

    static final int TITLE_WORDS = 8;
    /**
     * The blocks not to narrate because the listener has just heard them: when the title was cut from the first
     * sentence, the title page's title line and the first heading (the first paragraph says it); otherwise each
     * chapter heading, and a first paragraph, that only repeats the title the title page spoke.
     */
    static Set<String> repeats(String title, boolean titleFromBody, List<Chapter> chapters) {
        Set<String> silent = new HashSet<>();
        String said = letters(title);
        if (titleFromBody) {
            silent.add("t01");
            silent.add(chapters.get(0).heading().id());
        }
        for (Chapter c : chapters) {
            if (letters(c.heading().text()).equals(said)) {
                silent.add(c.heading().id());
            }
        }
        List<Paragraph> first = chapters.get(0).paragraphs();
        if (!titleFromBody && !first.isEmpty() && letters(first.get(0).text()).equals(said)) {
            silent.add(first.get(0).id());
        }
        return silent;
    }

    /** The letters and digits of {@code text}, lower-cased: what a listener hears of it. */
    private static String letters(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The title page's narrated lines: the title, and the authors when known. */
    static List<Paragraph> titlePage(String title, List<String> authors, Language language) {
        List<Paragraph> titlePage = new ArrayList<>();
        titlePage.add(Segmenter.paragraph("t01", Paragraph.Kind.TITLE, title, language));
        if (!authors.isEmpty()) {
            titlePage.add(Segmenter.paragraph("t02", Paragraph.Kind.AUTHOR, String.join(separator(language), authors),
                    language));
        }
        return titlePage;
    }

    private static String separator(Language language) {
        return language.primary().equals("ar") || language.primary().equals("fa") || language.primary().equals("ur")
                ? "، " : ", ";
    }

    /** The first sentence, without its final punctuation, cut after a few words. */
    static String derivedTitle(String paragraph) {
        String sentence = Segmenter.sentences("x", paragraph).get(0).text().replaceAll("[.!?؟…۔]+$", "").strip();
        String[] words = sentence.split("\\s+");
        if (words.length <= TITLE_WORDS + 2) {
            return sentence;
        }
        return String.join(" ", List.of(words).subList(0, TITLE_WORDS)).replaceAll("[،,؛;:]$", "") + "…";
    }
}
