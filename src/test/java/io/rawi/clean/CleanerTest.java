package io.rawi.clean;

import io.rawi.TestSupport;
import io.rawi.book.Language;
import io.rawi.source.SourceText;
import io.rawi.source.TextReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanerTest {
    private static final Cleaner CLEANER = new Cleaner(Rules.standard());
    private static final CleanOptions AR = new CleanOptions(Language.ARABIC, CleanOptions.Digits.KEEP);

    private static CleanResult clean(CleanOptions options, String... paragraphs) {
        List<String> ids = IntStream.rangeClosed(1, paragraphs.length).mapToObj(i -> String.format("p%04d", i)).toList();
        return CLEANER.clean(ids, List.of(paragraphs), options);
    }

    private static String one(String paragraph) {
        return clean(AR, paragraph).paragraphs().get(0);
    }

    /** Each rule, with an Arabic example: input | expected | the rule that must report it. */
    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            قال &quot;نعم&quot; ثم مضى                 | قال «نعم» ثم مضى                  | html-entities
            &#1575;&#1604;&#1576;&#1610;&#1578;         | البيت                             | html-entities
            ﺍﻟﺴﻼﻡ عليكم                                 | السلام عليكم                      | presentation-forms
            سا\u0627\u0654ل                              | سا\u0623ل                          | unicode-nfc
            كتاب جمیل                                   | كتاب جمیل                         | none
            جميـــــل جداً                              | جميل جداً                         | tatweel
            سنة 1445 هـ                                 | سنة 1445 هـ                       | none
            كلمة\u200Bأخرى\u202Bهنا\u200E               | كلمةأخرىهنا                       | invisible-controls
            مي\u200Cخواهم                               | مي\u200Cخواهم                     | none
            كلمتان\t\u00A0 بينهما   فراغ                | كلمتان بينهما فراغ                | whitespace
            نعم, ولكن; هل جاء?                          | نعم، ولكن؛ هل جاء؟                | arabic-punctuation
            من مجتمعنا ، سبعة                           | من مجتمعنا، سبعة                  | space-before-punctuation
            هل جاء ؟ نعم .                              | هل جاء؟ نعم.                      | space-before-punctuation
            نعم،ولكن                                    | نعم، ولكن                         | space-after-punctuation
            السياسة والاقتصاد و الأمن.                  | السياسة والاقتصاد والأمن.         | detached-waw
            قال "نعم" ثم مضى                            | قال «نعم» ثم مضى                  | quotes
            """)
    void eachRuleFixesItsDefect(String input, String expected, String rule) {
        CleanResult r = clean(AR, unescape(input));
        assertEquals(unescape(expected), r.paragraphs().get(0));
        if (rule.equals("none")) {
            assertTrue(r.changes().isEmpty(), () -> "expected no change, got " + r.changes());
        } else {
            assertTrue(r.changes().stream().anyMatch(c -> c.rule().equals(rule)), () -> "no " + rule + " in " + r.changes());
        }
    }

    private static String unescape(String s) {
        return org.apache.commons.text.StringEscapeUtils.unescapeJava(s);
    }

    @Test
    void nestedQuotesAfterAProcliticBecomeInnerQuotes() {
        assertEquals("«أذربيجان و“إسرائيل” لديهما علاقات»", one("\"أذربيجان و\"إسرائيل\" لديهما علاقات\""));
    }

    @Test
    void aQuotationLeftOpenIsClosedAndReported() {
        CleanResult r = clean(AR, "\"بدأ الكلام ولم يغلق.", "وقال: \"كلام آخر\".");
        assertEquals("«بدأ الكلام ولم يغلق.»", r.paragraphs().get(0));
        assertEquals("وقال: «كلام آخر».", r.paragraphs().get(1));
        Change repair = r.changes().stream().filter(c -> c.note() != null).findFirst().orElseThrow();
        assertEquals("p0001", repair.paragraph());
        assertEquals("", repair.before());
        assertEquals("»", repair.after());
    }

    @Test
    void aQuotationRunsOnOverParagraphsWithoutMarks() {
        CleanResult r = clean(AR, "قال إن \"الأول", "والثاني بلا علامة", "\"والثالث يغلق\".");
        assertEquals(List.of("قال إن «الأول", "«والثاني بلا علامة", "«والثالث يغلق»."), r.paragraphs(),
                "each paragraph the quotation continues in opens with the mark; only the last closes it");
        assertTrue(r.changes().stream().noneMatch(c -> QuoteRule.LEFT_OPEN.equals(c.note())), "nothing was left open");
        assertEquals(1, r.findings().size(), "a quotation over paragraphs is reported once, for a person to check");
        assertEquals("p0001", r.findings().get(0).paragraph());
        assertTrue(r.findings().get(0).message().contains("runs on over 3 paragraphs"), r.findings().toString());
    }

    @Test
    void aQuotationClosedInTheNextParagraphContinues() {
        CleanResult r = clean(AR, "وقال: \"الشراكة قوية.", "ومن أجل التعاون وقعنا اتفاقيات. \"");
        assertEquals(List.of("وقال: «الشراكة قوية.", "«ومن أجل التعاون وقعنا اتفاقيات.»"), r.paragraphs());
        assertEquals(1, r.findings().size(), r.findings().toString());
    }

    @Test
    void aQuotationNeverClosedIsClosedAndReported() {
        CleanResult r = clean(AR, "قال: \"سنبدأ غدا", "ثم قال: \"هذا جيد\" وانصرف.");
        assertEquals("قال: «سنبدأ غدا»", r.paragraphs().get(0));
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(QuoteRule.LEFT_OPEN, r.findings().get(0).message());
        assertTrue(!r.findings().get(0).leftAlone(), "a repair, not something left as written");
    }

    @Test
    void englishUsesCurlyQuotes() {
        CleanResult r = clean(new CleanOptions(Language.ENGLISH, CleanOptions.Digits.KEEP),
                "He said \"it is 'fine' and \"very\" good\" today.");
        assertEquals("He said “it is 'fine' and ‘very’ good” today.", r.paragraphs().get(0));
    }

    @Test
    void repeatedWordsAreReportedNotChanged() {
        CleanResult r = clean(AR, "ذهبت في في الصباح");
        assertEquals("ذهبت في في الصباح", r.paragraphs().get(0));
        assertEquals(1, r.findings().size());
        assertEquals("repeated-word", r.findings().get(0).rule());
    }

    @Test
    void digitsAreKeptByDefaultAndConvertedWhenAsked() {
        assertEquals("منذ 16 يوليو و٣ أيام", one("منذ 16 يوليو و٣ أيام"));
        assertEquals("منذ ١٦ يوليو، MP3",
                clean(new CleanOptions(Language.ARABIC, CleanOptions.Digits.ARABIC_INDIC), "منذ 16 يوليو، MP3").paragraphs().get(0));
        assertEquals("۱۴۰۲ سال", clean(new CleanOptions(Language.of("fa"), CleanOptions.Digits.ARABIC_INDIC), "1402 سال")
                .paragraphs().get(0));
        assertEquals("عام 2016", clean(new CleanOptions(Language.ARABIC, CleanOptions.Digits.WESTERN), "عام ٢٠١٦")
                .paragraphs().get(0));
    }

    @Test
    void theSeedsDefectsAreRepaired() throws Exception {
        SourceText src = TextReader.read(TestSupport.seed());
        List<String> out = clean(AR, src.paragraphs().toArray(String[]::new)).paragraphs();
        assertEquals(14, out.size());
        assertTrue(out.get(12).contains("مجتمعنا، سبعة"), out.get(12));
        assertTrue(out.get(4).contains("والاقتصاد والأمن."), out.get(4));
        assertTrue(out.get(4).startsWith("«أذربيجان و“إسرائيل” لديهما"), out.get(4));
        assertTrue(out.get(4).endsWith("»"), "the quotation left open in paragraph 5 is closed: " + out.get(4));
        assertTrue(out.get(11).contains("هو أن «اليهود والأذريين"), out.get(11));
        assertFalse(out.get(11).contains("»"), "the quotation opened in paragraph 12 runs on");
        assertFalse(out.get(12).contains("»"), "… through paragraph 13");
        assertTrue(out.get(13).startsWith("«") && out.get(13).endsWith("»."), "… and closes in paragraph 14: " + out.get(13));
        out.forEach(p -> assertFalse(p.contains("\""), "no straight quote is left: " + p));
    }

    /** Replaying the reported changes on the input gives the output: no letter changes unreported. */
    @Test
    void everyChangeIsReportedOnTheSeedAndTheSample() throws Exception {
        for (Path input : List.of(TestSupport.seed(), TestSupport.sample())) {
            SourceText src = TextReader.read(input);
            List<String> texts = new ArrayList<>(src.paragraphs());
            CleanResult r = clean(AR, texts.toArray(String[]::new));
            assertFalse(r.changes().isEmpty());
            List<String> replayed = new ArrayList<>(texts);
            for (Rule rule : CLEANER.rules()) {
                for (int i = 0; i < replayed.size(); i++) {
                    String id = String.format("p%04d", i + 1);
                    StringBuilder sb = new StringBuilder(replayed.get(i));
                    List<Change> mine = r.changes().stream()
                            .filter(c -> c.rule().equals(rule.id()) && c.paragraph().equals(id)).toList();
                    for (int k = mine.size() - 1; k >= 0; k--) {
                        Change c = mine.get(k);
                        assertEquals(c.before(), sb.substring(c.offset(), c.offset() + c.before().length()));
                        sb.replace(c.offset(), c.offset() + c.before().length(), c.after());
                    }
                    replayed.set(i, sb.toString());
                }
            }
            assertEquals(r.paragraphs(), replayed, input.toString());
        }
    }

    @Test
    void aQuotationNeverRunsIntoOrOutOfAHeadingOrAListItem() {
        CleanOptions structured = new CleanOptions(Language.ARABIC, CleanOptions.Digits.KEEP, java.util.Set.of(1, 3));
        CleanResult r = clean(structured, "قال المدير: \"سنبدأ غدا", "عنوان القسم", "فقرة بلا علامات", "بند \"أول");
        assertEquals("قال المدير: «سنبدأ غدا»", r.paragraphs().get(0), "closed before the heading");
        assertEquals("عنوان القسم", r.paragraphs().get(1));
        assertEquals("بند «أول»", r.paragraphs().get(3), "closed at the end of the list item");
        CleanResult running = clean(AR, "قال المدير: \"سنبدأ غدا", "عنوان القسم", "فقرة بلا علامات");
        assertEquals("«فقرة بلا علامات»", running.paragraphs().get(2), "in running text it runs on, as before");
    }
}
