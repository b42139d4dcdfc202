package io.rawi.book;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmenterTest {
    private static List<String> sentences(String text) {
        return Segmenter.sentences("p0001", text).stream().map(Sentence::text).toList();
    }

    @Test
    void arabicSentencesEndAtFullStopsQuestionAndExclamationMarks() {
        assertEquals(List.of("قال: «نعم».", "هل جاء؟", "جاء!", "وانتهى…"), sentences("قال: «نعم». هل جاء؟ جاء! وانتهى…"));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertEquals(List.of("«والأمن.»", "وقال آخر."), sentences("«والأمن.» وقال آخر."));
    }

    @Test
    void numbersAndAbbreviationsDoNotEndSentences() {
        assertEquals(List.of("The rate rose 3.5 points, said Dr. Smith.", "It was J. R. R. Tolkien's."),
                sentences("The rate rose 3.5 points, said Dr. Smith. It was J. R. R. Tolkien's."));
        assertEquals(List.of("ارتفع بنسبة 3.5 في المئة، قال د. أحمد.", "انتهى."),
                sentences("ارتفع بنسبة 3.5 في المئة، قال د. أحمد. انتهى."));
        assertEquals(List.of("See e.g. the list, etc. and more."), sentences("See e.g. the list, etc. and more."));
    }

    @Test
    void idsAreStableAndWordsCoverTheText() {
        Paragraph p = Segmenter.paragraph("p0042", Paragraph.Kind.BODY, "أولى جملة. وثانية هنا!", Language.ARABIC);
        assertEquals(List.of("p0042s01", "p0042s02"), p.sentences().stream().map(Sentence::id).toList());
        Sentence s = p.sentences().get(1);
        assertEquals(List.of("p0042s02w01", "p0042s02w02"), s.words().stream().map(Word::id).toList());
        assertEquals("هنا!", s.words().get(1).text());
        assertEquals(s.text(), p.text().substring(s.start(), s.end()));
    }

    @Test
    void textWithoutFinalPunctuationIsOneSentence() {
        assertEquals(List.of("عنوان بلا نقطة"), sentences("عنوان بلا نقطة"));
    }

    @Test
    void foreignRunsAreFound() {
        List<LanguageRuns.Run> runs = LanguageRuns.find("شبكة Wi-Fi مجانية و Open Source أيضًا", Language.ARABIC);
        assertEquals(2, runs.size());
        assertEquals("en", runs.get(0).language().tag());
        assertEquals("Wi-Fi", "شبكة Wi-Fi مجانية و Open Source أيضًا".substring(runs.get(0).start(), runs.get(0).end()));
        assertEquals("Open Source", "شبكة Wi-Fi مجانية و Open Source أيضًا".substring(runs.get(1).start(), runs.get(1).end()));
        List<LanguageRuns.Run> inEnglish = LanguageRuns.find("The word سلام means peace.", Language.ENGLISH);
        assertEquals("ar", inEnglish.get(0).language().tag());
        assertEquals(true, inEnglish.get(0).language().rtl());
    }
}
