package io.rawi.speech;

import org.junit.jupiter.params.ParameterizedTest;
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
}
