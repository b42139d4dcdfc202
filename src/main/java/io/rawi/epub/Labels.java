package io.rawi.epub;

import io.rawi.book.Language;

/**
 * The few words rawi itself puts into a book (navigation headings, landmark names), in the book's language where
 * known and in English otherwise.
 */
record Labels(String language, String contents, String titlePage, String start, String landmarks, String by) {
    static Labels forLanguage(Language language) {
        return switch (language.primary()) {
            case "ar" -> new Labels("ar", "المحتويات", "صفحة العنوان", "بداية النص", "معالم الكتاب", "تأليف");
            case "fa" -> new Labels("fa", "فهرست", "صفحهٔ عنوان", "آغاز متن", "نشانه‌ها", "نوشتهٔ");
            case "ur" -> new Labels("ur", "فہرست", "سرورق", "آغاز", "نشانات", "از");
            case "he" -> new Labels("he", "תוכן העניינים", "עמוד השער", "תחילת הטקסט", "ציוני דרך", "מאת");
            case "fr" -> new Labels("fr", "Table des matières", "Page de titre", "Début", "Repères", "par");
            default -> new Labels("en", "Contents", "Title page", "Start of content", "Landmarks", "by");
        };
    }

    /** Whether the labels are in the book's own language, or English stand-ins. */
    boolean matches(Language book) {
        return language.equals(book.primary());
    }
}
