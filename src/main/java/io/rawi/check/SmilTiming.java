package io.rawi.check;

import io.rawi.audio.Mp3Frames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The timing checks of a DAISY talking book, for both versions: clip after clip, file after file, against the
 * declared times and the audio files' own lengths, and every text reference against the text document.
 */
final class SmilTiming {
    private SmilTiming() {
    }

    /**
     * How a DAISY version writes its SMIL timing.
     *
     * @param textDocument the document every {@code text} points into
     * @param durationMeta the meta with each SMIL file's own duration, or null
     * @param totalName    what declares the book's total time, for messages
     */
    record Dialect(String textDocument, String clipBegin, String clipEnd, String elapsedMeta, String durationMeta,
                   String totalName) {
    }

    /**
     * The clips of each SMIL file add up to its declared duration and {@code seq dur}, each starting where the one
     * before in its audio file ended; each file's elapsed time is the sum of those before it; they all add up to
     * {@code total}; every audio file is played once, whole (its MPEG frames less LAME's delay and padding); every
     * {@code text} points at an element of the text document.
     */
    static void check(Path folder, List<Path> smils, Dialect d, long total, List<String> out) throws Exception {
        Set<String> ids = new HashSet<>();
        NodeList all = Daisy202Validator.parse(folder.resolve(d.textDocument())).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            ids.add(((Element) all.item(i)).getAttribute("id"));
        }
        long elapsed = 0;
        java.util.Map<String, Long> perFile = new java.util.LinkedHashMap<>();
        for (Path smil : smils) {
            Document s = Daisy202Validator.parse(smil);
            long sum = 0;
            NodeList audios = s.getElementsByTagNameNS("*", "audio");
            for (int i = 0; i < audios.getLength(); i++) {
                Element a = (Element) audios.item(i);
                long begin = ms(a.getAttribute(d.clipBegin()));
                long end = ms(a.getAttribute(d.clipEnd()));
                String src = a.getAttribute("src");
                long before = perFile.getOrDefault(src, 0L);
                if (begin != before) {
                    out.add(smil.getFileName() + ": " + src + " clip begins at " + begin + " ms, not where the one "
                            + "before ended (" + before + " ms)");
                }
                perFile.put(src, end);
                sum += end - begin;
            }
            NodeList texts = s.getElementsByTagNameNS("*", "text");
            String prefix = d.textDocument() + "#";
            for (int i = 0; i < texts.getLength(); i++) {
                String src = ((Element) texts.item(i)).getAttribute("src");
                if (!src.startsWith(prefix) || !ids.contains(src.substring(prefix.length()))) {
                    out.add(smil.getFileName() + ": text " + src + " points at nothing");
                }
            }
            long dur = ms(((Element) s.getElementsByTagNameNS("*", "seq").item(0)).getAttribute("dur"));
            long declared = d.durationMeta() == null ? dur : ms(meta(s, d.durationMeta()));
            if (declared != sum || dur != sum) {
                out.add(smil.getFileName() + ": clips add up to " + sum + " ms, declared " + declared + " ms, seq dur "
                        + dur + " ms");
            }
            long declaredElapsed = ms(meta(s, d.elapsedMeta()));
            if (declaredElapsed != elapsed) {
                out.add(smil.getFileName() + ": " + d.elapsedMeta() + " " + declaredElapsed + " ms, the files before "
                        + "it last " + elapsed + " ms");
            }
            elapsed += sum;
        }
        if (total != elapsed) {
            out.add(d.totalName() + " " + total + " ms, the SMIL files last " + elapsed + " ms");
        }
        long sound = 0;
        for (java.util.Map.Entry<String, Long> e : perFile.entrySet()) {
            Path audio = folder.resolve(e.getKey());
            if (!Files.isRegularFile(audio)) {
                out.add("audio " + e.getKey() + " is missing");
                continue;
            }
            double own = Mp3Frames.read(Files.readAllBytes(audio)).soundMs();
            sound += Math.round(own);
            if (Math.abs(own - e.getValue()) > 1) {
                out.add(e.getKey() + " lasts " + own + " ms, its clips end at " + e.getValue() + " ms");
            }
        }
        if (Math.abs(sound - total) > perFile.size()) {
            out.add("the audio files last " + sound + " ms, " + d.totalName() + " says " + total + " ms");
        }
    }

    static String meta(Document doc, String name) {
        NodeList metas = doc.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if (name.equals(m.getAttribute("name"))) {
                return m.getAttribute("content");
            }
        }
        throw new IllegalArgumentException("no meta " + name);
    }

    /** Milliseconds of a SMIL clock value as rawi writes them: {@code npt=12.345s}, {@code 12.345s} or h:mm:ss.mmm. */
    static long ms(String clock) {
        String v = clock.strip().replaceFirst("^npt=", "");
        if (v.endsWith("s")) {
            return Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000);
        }
        String[] hms = v.split(":");
        return Math.round((Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Double.parseDouble(hms[2]))
                * 1000);
    }
}
