package io.rawi.epub;

import io.rawi.book.Language;
import io.rawi.book.Metadata;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rawi's PNG writer: what a decoder reads back is the image, pixel for pixel. */
class PngTest {
    private static void assertSamePixels(BufferedImage expected, byte[] png) throws Exception {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(back, "a PNG ImageIO can read");
        assertEquals(expected.getWidth(), back.getWidth());
        assertEquals(expected.getHeight(), back.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anyPixelsComeBackAsTheyWere() throws Exception {
        Random random = new Random(3);
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {257, 31}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            assertSamePixels(image, Png.of(image));
        }
    }

    @Test
    void theDrawnCoverIsAPngOfTheSizeAsked() throws Exception {
        Metadata m = new Metadata("مكتبة الحي القديمة", List.of("كاتب"), Language.ARABIC, "urn:uuid:x", Instant.EPOCH,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        Optional<byte[]> png = Cover.draw(m);
        if (png.isEmpty()) { // no installed font draws Arabic: the cover is left out, as the conversion says
            assertTrue(Cover.fontFor(m.title()).isEmpty());
            return;
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertEquals(Cover.WIDTH, back.getWidth());
        assertEquals(Cover.HEIGHT, back.getHeight());
        assertTrue(png.get().length < 200_000, png.get().length + " bytes");
        int top = back.getRGB(Cover.WIDTH - 1, 0) & 0xffffff;
        int bottom = back.getRGB(Cover.WIDTH - 1, Cover.HEIGHT - 1) & 0xffffff;
        assertEquals(0x123c4a, top, "the gradient's top colour");
        assertEquals(0x061a22, bottom, "the gradient's bottom colour");
    }
}
