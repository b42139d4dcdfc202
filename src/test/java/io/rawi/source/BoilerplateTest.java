package io.rawi.source;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoilerplateTest {
    @Test
    void aDatelineBecomesTheDate() {
        List<SourceBlock> blocks = new ArrayList<>(List.of(SourceBlock.paragraph("Published February 28, 1998"),
                SourceBlock.paragraph("The article begins here, with a sentence of its own.")));
        assertEquals(Optional.of("1998-02-28"), Boilerplate.dropDateline(blocks));
        assertEquals(1, blocks.size());
        assertEquals(Optional.of("2016-09-14"), Boilerplate.iso("14 septembre 2016"));
        assertEquals(Optional.of("2023-03-15"), Boilerplate.iso("15 مارس 2023"));
        assertEquals(Optional.empty(), Boilerplate.iso("03/04/2020"), "day and month could be either way round");
        List<SourceBlock> prose = new ArrayList<>(List.of(SourceBlock.paragraph(
                "On February 28, 1998 the council met, and it decided three things that matter here.")));
        assertEquals(Optional.empty(), Boilerplate.dropDateline(prose), "a sentence with a date is not a dateline");
        assertEquals(1, prose.size());
    }

    @Test
    void noticesAtTheEndGo() {
        List<SourceBlock> blocks = new ArrayList<>(List.of(SourceBlock.paragraph("The article's last paragraph."),
                SourceBlock.paragraph("We welcome discussion, but comments are moderated."),
                SourceBlock.paragraph("The opinions expressed below do not reflect the views of this site.")));
        assertEquals(2, Boilerplate.dropNotices(blocks));
        assertEquals(1, blocks.size());
    }
}
