package io.rawi.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A web page's charset, as a browser would find it. */
final class PageCharset {
    private PageCharset() {
    }

    /** The charset: from the HTTP header, a byte order mark, or a {@code <meta>} near the start; else UTF-8. */
    static Charset of(byte[] bytes, Optional<String> declared) {
        try {
            if (declared.isPresent()) {
                return Charset.forName(declared.get());
            }
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)")
                    .matcher(head);
            if (m.find()) {
                Charset named = Charset.forName(m.group(1));
                // pages saved as UTF-8 often keep the legacy declaration they were served with; multi-byte text
                // that decodes as UTF-8 without a single error is UTF-8 whatever the page says
                return !named.equals(StandardCharsets.UTF_8) && utf8(bytes) ? StandardCharsets.UTF_8 : named;
            }
        } catch (IllegalArgumentException unknown) {
            // an unknown charset name: fall back to UTF-8
        }
        return StandardCharsets.UTF_8;
    }

    /** Whether {@code bytes} hold non-ASCII text that is valid UTF-8. */
    private static boolean utf8(byte[] bytes) {
        boolean multibyte = false;
        for (byte b : bytes) {
            if (b < 0) {
                multibyte = true;
                break;
            }
        }
        if (!multibyte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
