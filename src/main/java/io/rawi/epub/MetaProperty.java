package io.rawi.epub;

/**
 * A {@code <meta property>} of the package document.
 *
 * @param refines the id it refines, without {@code #}, or null
 * @param id      its own id, or null
 */
public record MetaProperty(String property, String value, String refines, String id) {
    public static MetaProperty of(String property, String value) {
        return new MetaProperty(property, value, null, null);
    }
}
