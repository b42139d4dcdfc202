package io.rawi.epub;

import io.rawi.book.Metadata;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.AttributedString;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Draws a cover image: the title, shaped and laid out in its own direction (Java2D's text layout does Arabic shaping
 * and bidi), and the authors. Only installed fonts that cover every character are used; with none, there is no cover,
 * never a cover of empty boxes.
 */
public final class Cover {
    static final int WIDTH = 1200;
    static final int HEIGHT = 1800;
    private static final List<String> PREFERRED = List.of(
            "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Noto Kufi Arabic",
            "Noto Serif", "Noto Sans", "Noto Serif Hebrew", "Noto Sans Hebrew", "DejaVu Serif", "DejaVu Sans",
            "Liberation Serif", "FreeSerif", "FreeSans");
    private static final Set<String> LOGICAL = Set.of("Dialog", "DialogInput", "Serif", "SansSerif", "Monospaced");

    private Cover() {
    }

    /**
     * The font family that can draw all of {@code text}, preferring good Arabic and serif faces; empty when none can,
     * or when Java cannot use the system's fonts at all (no fontconfig or FreeType on a minimal machine).
     */
    public static Optional<String> fontFor(String text) {
        try {
            for (String family : PREFERRED) {
                Font font = new Font(family, Font.PLAIN, 12);
                if (font.getFamily(Locale.ROOT).equals(family) && font.canDisplayUpTo(text) == -1) {
                    return Optional.of(family);
                }
            }
            // none of the usual faces: look through every installed family (slow with large font collections)
            return Stream.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                    .filter(f -> !LOGICAL.contains(f))
                    .filter(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo(text) == -1)
                    .findFirst();
        } catch (LinkageError | InternalError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A PNG cover, or empty when no installed font can draw the title and authors. */
    /**
     * The cover, from {@code cache} when an identical one was drawn before (same title, authors, language and
     * installed fonts), else drawn and kept there: drawing means loading fonts, a good part of a rebuild's time.
     */
    public static Optional<byte[]> draw(Metadata m, Optional<java.nio.file.Path> cache) {
        if (cache.isEmpty()) {
            return draw(m);
        }
        java.nio.file.Path file = cache.get().resolve(key(m) + ".png");
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                byte[] png = java.nio.file.Files.readAllBytes(file);
                if (png.length > 8 && (png[0] & 0xff) == 0x89) {
                    return Optional.of(png);
                }
            }
        } catch (IOException ignored) {
            // an unreadable cached cover is drawn again
        }
        Optional<byte[]> drawn = draw(m);
        drawn.ifPresent(png -> {
            try {
                java.nio.file.Files.createDirectories(cache.get());
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile(cache.get(), ".cover-", ".png");
                java.nio.file.Files.write(tmp, png);
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the cache is only a shortcut
            }
        });
        return drawn;
    }

    private static String key(Metadata m) {
        StringBuilder sb = new StringBuilder("rawi-cover-2\n").append(m.title()).append('\n')
                .append(String.join("\n", m.authors())).append('\n').append(m.language().tag()).append('\n');
        for (String dir : List.of("/usr/share/fonts", "/usr/local/share/fonts",
                System.getProperty("user.home") + "/.fonts", System.getProperty("user.home") + "/.local/share/fonts")) {
            java.io.File f = new java.io.File(dir);
            sb.append(dir).append(' ').append(f.lastModified()).append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<byte[]> draw(Metadata m) {
        String authors = String.join(" · ", m.authors());
        Optional<String> family = fontFor(m.title() + authors);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            gradient(image, new Color(0x12, 0x3c, 0x4a), new Color(0x06, 0x1a, 0x22));
            g.setColor(new Color(0xe8, 0xc3, 0x6a));
            g.fillRect(WIDTH / 8, HEIGHT / 5, WIDTH * 3 / 4, 6);
            g.fillRect(WIDTH / 8, HEIGHT * 4 / 5, WIDTH * 3 / 4, 6);
            g.setColor(Color.WHITE);
            float y = paragraph(g, m.title(), new Font(family.get(), Font.BOLD, 96), m.language().rtl(), HEIGHT / 4f + 40);
            if (!authors.isEmpty()) {
                g.setColor(new Color(0xe8, 0xc3, 0x6a));
                paragraph(g, authors, new Font(family.get(), Font.PLAIN, 60), m.language().rtl(), y + 80);
            }
        } finally {
            g.dispose();
        }
        return Optional.of(Png.of(image));
    }

    /**
     * A vertical gradient from {@code top} to {@code bottom}, a colour a row, written into the pixels: a cold
     * Java 2D gradient fill took 70 ms of the cover's time, this 2.
     */
    private static void gradient(BufferedImage image, Color top, Color bottom) {
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        for (int y = 0; y < h; y++) {
            double t = h == 1 ? 0 : (double) y / (h - 1);
            int r = (int) Math.round(top.getRed() + (bottom.getRed() - top.getRed()) * t);
            int g = (int) Math.round(top.getGreen() + (bottom.getGreen() - top.getGreen()) * t);
            int b = (int) Math.round(top.getBlue() + (bottom.getBlue() - top.getBlue()) * t);
            java.util.Arrays.fill(pixels, y * w, (y + 1) * w, (r << 16) | (g << 8) | b);
        }
    }

    /** Draws centred, wrapped lines and returns the y below the last one. */
    private static float paragraph(Graphics2D g, String text, Font font, boolean rtl, float top) {
        AttributedString styled = new AttributedString(text);
        styled.addAttribute(TextAttribute.FONT, font);
        styled.addAttribute(TextAttribute.RUN_DIRECTION,
                rtl ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        FontRenderContext frc = g.getFontRenderContext();
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), frc);
        float y = top;
        float width = WIDTH * 0.75f;
        int lines = 0;
        while (measurer.getPosition() < text.length() && lines < 8) {
            TextLayout line = measurer.nextLayout(width);
            y += line.getAscent();
            line.draw(g, (WIDTH - line.getAdvance()) / 2, y);
            y += line.getDescent() + line.getLeading() + 16;
            lines++;
        }
        return y;
    }
}
