package io.rawi.internal;

/** Relative hrefs between files of one book. */
public final class Hrefs {
    private Hrefs() {
    }

    /**
     * The href of {@code to} as written in {@code from}: both are paths from the same root (the package document's
     * folder), {@code /}-separated, without fragments.
     */
    public static String relative(String from, String to) {
        String[] a = from.split("/", -1);
        String[] b = to.split("/", -1);
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            sb.append("../");
        }
        for (int i = common; i < b.length; i++) {
            sb.append(b[i]);
            if (i < b.length - 1) {
                sb.append('/');
            }
        }
        return sb.toString();
    }
}
