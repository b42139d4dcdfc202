package io.rawi.speech;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The English and Hebrew spoken-form rules, as a table: language, written word, the word before, what is said. */
class SymbolWordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en    | $50        |      | 50 dollars
            en    | 7€         |      | 7 euros
            en    | €          | 20   | euros
            en    | 15/3/2023  |      | 15 March 2023
            en-US | 3/15/2023  |      | March 15, 2023
            en-US | 3/4/2023   |      | March 4, 2023
            en-GB | 3/4/2023   |      | 3 April 2023
            en    | 30°C       |      | 30 degrees Celsius
            en    | km         | 5    | kilometres
            en    | km         | the  | km
            en    | 45%        |      | 45%
            en    | 9:30       |      | 9:30
            he    | 45%        |      | 45 אחוז
            he    | ₪50        |      | 50 שקלים
            he    | 15/3/2023  |      | 15 במרץ 2023
            he    | 9:30       |      | 9 וחצי
            he    | 10:00      |      | 10
            he    | 8:20       |      | 8 ו20
            he    | kg         | 3    | קילוגרם
            he    | שלום       |      | שלום
            """)
    void signsAreSaidInTheVoicesLanguage(String language, String written, String previous, String said) {
        assertEquals(said, SymbolWords.say(written, previous, language));
    }
}
