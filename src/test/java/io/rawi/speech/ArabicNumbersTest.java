package io.rawi.speech;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.List;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rule of the Arabic spoken form, as a table: written word, the word before it, months, what is said. */
class ArabicNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            45%          |        | GULF  | 45 بالمئة
            12.5٪        |        | GULF  | 12.5 بالمئة
            ٤٥٪          |        | GULF  | ٤٥ بالمئة
            15/3/2023    |        | GULF  | الخامس عشر من مارس عام 2023
            15/3/2023    |        | LEVANT | الخامس عشر من آذار عام 2023
            1-1-2024     |        | GULF  | الأول من يناير عام 2024
            31.12.1999   |        | LEVANT | الحادي والثلاثون من كانون الأول عام 1999
            32/13/2023   |        | GULF  | 32/13/2023
            9:30         |        | GULF  | التاسعة والنصف
            9:15         |        | GULF  | التاسعة والربع
            9:45         |        | GULF  | العاشرة إلا ربعا
            21:00        |        | GULF  | التاسعة
            12:00        |        | GULF  | الثانية عشرة
            9:20         |        | GULF  | التاسعة و20 دقيقة
            2010-2015    |        | GULF  | من 2010 إلى 2015
            1445هـ       |        | GULF  | 1445 هجرية
            هـ           | 1445   | GULF  | هجرية
            هـ           | كلمة   | GULF  | هـ
            www.rawi.org |        | GULF  | www نقطة rawi نقطة org
            info@rawi.org |       | GULF  | info آت rawi نقطة org
            ألف          | 40     | GULF  | أَلْف
            أَلَّفَ        | 40     | GULF  | أَلْف
            ألف          | كتاب   | GULF  | ألف
            آلاف         | 3      | GULF  | آلَاف
            2023         |        | GULF  | 2023
            """)
    void arabicIsSaidAsAReaderWould(String written, String previous, String months, String said) {
        ArabicNumbers.Months m = months.equals("LEVANT") ? ArabicNumbers.Months.LEVANTINE
                : ArabicNumbers.Months.EGYPTIAN_GULF;
        assertEquals(said, ArabicNumbers.say(written, previous, m));
    }

    /**
     * Numbers agree with what they count, currencies and units are said in words, and the voice's abbreviations are
     * expanded: a sentence as written, and as said (words joined by spaces).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            عاش 3 سنوات هناك                 | عاش ثلاث سنوات هناك
            بقي 3 أيام                        | بقي ثلاثة أيام
            بعد 10 دقائق                      | بعد عشر دقائق
            ثلاث مرات و5 اجتماعات            | ثلاث مرات وخمسة اجتماعات
            عقد 5 اجتماعات                    | عقد خمسة اجتماعات
            زار 7 دول                         | زار سبع دول
            قرأ 8 كتب                         | قرأ ثمانية كتب
            منذ 13 سنة                        | منذ ثلاث عشرة سنة
            منذ 15 عاما                       | منذ خمسة عشر عاما
            في 11 مدينة                       | في إحدى عشرة مدينة
            نحو 105 سنوات                     | نحو 100 وخمس سنوات
            يضم 40 ألف كتاب                   | يضم 40 ألفًا كتاب
            يضم 3 ألف كتاب                    | يضم ثلاثة آلاف كتاب
            يضم 3 آلاف كتاب                   | يضم ثلاثة آلَاف كتاب
            بلغ 5 مليون دولار                 | بلغ خمسة ملايين دولار
            بلغ 20 مليار                      | بلغ 20 مليارًا
            بلغ 300 ألف                       | بلغ 300 أَلْف
            دفع $50 فقط                       | دفع 50 دولارًا فقط
            دفع 7$ فقط                        | دفع سبعة دولارات فقط
            سعره 20 € فقط                     | سعره 20 يورو فقط
            دفع 15 USD                        | دفع خمسة عشر دولارًا أمريكي
            قطع 5 كم                          | قطع خمسة كيلومترات
            قطع 120كم                         | قطع 120 كيلومترًا
            بلغت الحرارة 30°C                 | بلغت الحرارة 30 درجةً مئوية
            وزنه 4 كغ                         | وزنه أربعة كيلوغرامات
            ولد عام 1950م                     | ولد عام 1950 ميلادي
            ولد عام 1950 م                    | ولد عام 1950 ميلادي
            قال د. أحمد                       | قال الدكتور أحمد
            كتب وقصص إلخ،                     | كتب وقصص إلى آخره،
            في القرن 5 ق.م                    | في القرن 5 قبل الميلاد
            قال 3                             | قال 3
            منذ 13 سنة، ثم                    | منذ ثلاث عشرة سنة، ثم
            على بعد 5 كم.                     | على بعد خمسة كيلومترات.
            فاز 3 الأوائل                     | فاز 3 الأوائل
            """)
    void numbersAgreeAndSignsAreSaid(String written, String said) {
        Abbreviations abbreviations = Abbreviations.of(java.nio.file.Path.of("voices/abbreviations-ar.txt"));
        List<String> words = List.of(written.strip().split(" "));
        assertEquals(said.strip(), String.join(" ", ArabicNumbers.sayAll(words, ArabicNumbers.Months.EGYPTIAN_GULF,
                abbreviations)).strip());
    }

    @org.junit.jupiter.api.Test
    void theAbbreviationsFileIsReadAndExtensible(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals("الأستاذ الدكتور", Abbreviations.of(java.nio.file.Path.of("voices/abbreviations-ar.txt")).expand("أ.د."));
        java.nio.file.Path mine = java.nio.file.Files.writeString(dir.resolve("abbreviations-ar.txt"),
                "# mine\nو.أ.ع = وكالة الأنباء العربية\n\nbad line\n");
        Abbreviations a = Abbreviations.of(mine);
        assertEquals(1, a.size());
        assertEquals("وكالة الأنباء العربية،", a.expand("و.أ.ع،"));
        assertEquals("كلمة", a.expand("كلمة"));
        assertEquals(0, Abbreviations.of(dir.resolve("none.txt")).size());
    }

    /** A background server converts many books: an abbreviations file edited meanwhile is read again. */
    @org.junit.jupiter.api.Test
    void anEditedAbbreviationsFileIsReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("abbreviations-ar.txt"),
                "م.ع = المدير العام\n");
        assertEquals("المدير العام", Abbreviations.of(file).expand("م.ع"));
        java.nio.file.Files.writeString(file, "م.ع = المدير العام للشركة\n");
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                java.nio.file.Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals("المدير العام للشركة", Abbreviations.of(file).expand("م.ع"));
        org.junit.jupiter.api.Assertions.assertSame(Abbreviations.of(file), Abbreviations.of(file),
                "an unchanged file is read once");
    }
}
