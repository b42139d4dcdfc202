package io.rawi.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagsTest {
    /**
     * The tags' text is part of every cache key, so it must stay the record's usual text, which it was before it was
     * written out by hand: a change would make every cached paragraph be spoken again.
     */
    @Test
    void theTextIsTheRecordsUsualOne() {
        assertEquals("Tags[title=p0001: مرحبا, album=كتاب, artist=ar-espeak, track=1, tracks=12, language=ar]",
                new Tags("p0001: مرحبا", "كتاب", "ar-espeak", 1, 12, "ar").toString());
        assertEquals("Tags[title=null, album=, artist=a, b, track=0, tracks=0, language=en]",
                new Tags(null, "", "a, b", 0, 0, "en").toString());
    }
}
