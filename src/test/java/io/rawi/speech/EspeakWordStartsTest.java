package io.rawi.speech;

import io.rawi.book.Language;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** How engine word events, marks and interpolation give word positions, with the faults eSpeak NG 1.51 shows. */
class EspeakWordStartsTest {
    private static final SpeechRequest REQUEST = new SpeechRequest("p0001", Language.ARABIC, List.of(
            new SpokenSentence("s1", List.of(new SpokenWord("w1", "أول"), new SpokenWord("w2", "ثاني"),
                    new SpokenWord("w3", "ثالث."))),
            new SpokenSentence("s2", List.of(new SpokenWord("w4", "رابع"), new SpokenWord("w5", "خامس.")))),
            Duration.ofSeconds(10));

    private static EspeakLibrary.WordEvent at(int word, int offset, long sample) {
        EspeakSsml ssml = new EspeakSsml(REQUEST);
        int[][] starts = ssml.wordStart;
        int flat = 0;
        for (int[] sentence : starts) {
            for (int start : sentence) {
                if (flat++ == word) {
                    return new EspeakLibrary.WordEvent(start + 1 + offset, sample);
                }
            }
        }
        throw new IllegalArgumentException("no word " + word);
    }

    private static long[] starts(List<EspeakLibrary.WordEvent> events, Map<String, Long> marks) {
        return EspeakSsml.wordStarts(REQUEST, new EspeakSsml(REQUEST), events, marks, 10_000);
    }

    @Test
    void everyWordHasItsEvent() {
        assertArrayEquals(new long[] {0, 1000, 2000, 4000, 5000}, starts(List.of(at(0, 0, 0), at(1, 0, 1000),
                at(2, 0, 2000), at(3, 0, 4000), at(4, 0, 5000)), Map.of()));
    }

    @Test
    void eventsAFewCharactersOffStillFindTheirWord() {
        assertArrayEquals(new long[] {0, 1000, 2000, 4000, 5000}, starts(List.of(at(0, 0, 0), at(1, 1, 1000),
                at(2, 0, 2000), at(3, -2, 4000), at(4, 2, 5000)), Map.of()));
    }

    @Test
    void aMissingEventTakesTheMarkElseAPlaceBetweenItsNeighbours() {
        List<EspeakLibrary.WordEvent> events = List.of(at(0, 0, 0), at(1, 0, 1000), at(2, 0, 2000), at(4, 0, 6000));
        assertArrayEquals(new long[] {0, 1000, 2000, 4400, 6000}, starts(events, Map.of("s1w0", 4400L)));
        long[] interpolated = starts(events, Map.of());
        assertArrayEquals(new long[] {0, 1000, 2000}, java.util.Arrays.copyOf(interpolated, 3));
        org.junit.jupiter.api.Assertions.assertTrue(interpolated[3] > 2000 && interpolated[3] < 6000,
                "between its neighbours: " + interpolated[3]);
        org.junit.jupiter.api.Assertions.assertEquals(6000, interpolated[4]);
    }

    @Test
    void noEventsAtAllStillGiveOrderedPositions() {
        long[] s = starts(List.of(), Map.of());
        org.junit.jupiter.api.Assertions.assertEquals(0, s[0]);
        for (int k = 1; k < s.length; k++) {
            org.junit.jupiter.api.Assertions.assertTrue(s[k] > s[k - 1] && s[k] < 10_000, java.util.Arrays.toString(s));
        }
    }
}
