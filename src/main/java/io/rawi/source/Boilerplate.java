package io.rawi.source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Page furniture that survives extraction because it sits inside the article's container: a dateline at the top (it
 * becomes the book's date), and comment policies, "the opinions expressed" disclaimers and newsletter invitations
 * (left out). Only short paragraphs at the article's start (dateline) or among its last ones (notices) are judged.
 */
final class Boilerplate {
    private static final String MONTHS = "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
            + "sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|janvier|février|mars|avril|mai|juin|juillet|août|"
            + "septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
            + "octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember|يناير|فبراير|مارس|أبريل|"
            + "مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر";
    /** A date: 28 February 1998, February 28, 1998, 1998-02-28 or 28/02/1998. */
    private static final String DATE = "\\d{1,2}\\s+(" + MONTHS + ")\\.?,?\\s+\\d{4}|(" + MONTHS
            + ")\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}";
    /** A line that is a date, perhaps with "Published", "Updated", a weekday, a time and a place. */
    private static final Pattern DATELINE = Pattern.compile("(?iu)^\\W{0,3}(published|updated|posted|last updated|"
            + "publié|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert|نشر|تحديث)?[^.!?؟]{0,40}?"
            + "\\b(" + DATE + ")\\b[^.!?؟]{0,30}$");
    private static final Pattern DATE_ONLY = Pattern.compile("(?iu)" + DATE);
    private static final Pattern NOTICE = Pattern.compile("(?iu)we welcome (your )?(comments|discussion)|comment policy|"
            + "comments? (are|is) (moderated|closed)|(opinions|views) expressed (here|in (this|these)|below)|"
            + "do(es)? not (necessarily )?reflect the (views|opinions)|sign up for (our|the) newsletter|"
            + "subscribe to (our|the) newsletter|join the (discussion|conversation)|"
            + "les commentaires sont modérés|los comentarios (están|son) moderados");

    private Boilerplate() {
    }

    /** Removes a dateline from the first two blocks and returns its date as written, if there is one. */
    static Optional<String> dropDateline(List<SourceBlock> blocks) {
        for (int i = 0; i < Math.min(2, blocks.size()); i++) {
            SourceBlock b = blocks.get(i);
            if (b.type() == SourceBlock.Type.PARAGRAPH && b.text().length() <= 80 && DATELINE.matcher(b.text().strip()).matches()) {
                var m = DATE_ONLY.matcher(b.text());
                blocks.remove(i);
                return m.find() ? iso(m.group()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static final List<List<String>> MONTH_NAMES = List.of(
            List.of("jan", "janvier", "enero", "januar", "يناير"), List.of("feb", "février", "febrero", "februar", "فبراير"),
            List.of("mar", "mars", "marzo", "märz", "مارس"), List.of("apr", "avril", "abril", "أبريل"),
            List.of("may", "mai", "mayo", "مايو"), List.of("jun", "juin", "junio", "juni", "يونيو"),
            List.of("jul", "juillet", "julio", "juli", "يوليو"), List.of("aug", "août", "agosto", "أغسطس"),
            List.of("sep", "septembre", "septiembre", "سبتمبر"), List.of("oct", "octobre", "octubre", "oktober", "أكتوبر"),
            List.of("nov", "novembre", "noviembre", "نوفمبر"), List.of("dec", "décembre", "diciembre", "dezember", "ديسمبر"));

    /** A dateline's date as yyyy-mm-dd, as dc:date wants it; empty when it is not certain (03/04/2020). */
    static Optional<String> iso(String date) {
        String d = date.toLowerCase(java.util.Locale.ROOT).replace(",", " ").replace(".", " ").strip();
        if (d.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.of(d);
        }
        String[] parts = d.split("\\s+");
        if (parts.length != 3) {
            return Optional.empty();
        }
        int month;
        String day;
        if (parts[0].matches("\\d{1,2}")) {
            month = month(parts[1]);
            day = parts[0];
        } else {
            month = month(parts[0]);
            day = parts[1];
        }
        if (month < 1 || !day.matches("\\d{1,2}") || !parts[2].matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.of(Integer.parseInt(parts[2]), month, Integer.parseInt(day)).toString());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int month(String name) {
        for (int m = 0; m < 12; m++) {
            for (String prefix : MONTH_NAMES.get(m)) {
                if (name.startsWith(prefix)) {
                    return m + 1;
                }
            }
        }
        return -1;
    }

    /** Removes short notices among the last five blocks; returns how many went. */
    static int dropNotices(List<SourceBlock> blocks) {
        int removed = 0;
        for (int i = blocks.size() - 1; i >= Math.max(0, blocks.size() - 5); i--) {
            SourceBlock b = blocks.get(i);
            if (b.hasText() && b.text().length() <= 400 && NOTICE.matcher(b.text()).find()) {
                blocks.remove(i);
                removed++;
            }
        }
        return removed;
    }
}
