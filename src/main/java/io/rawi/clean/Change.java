package io.rawi.clean;

/**
 * A change the cleaner made, as reported in {@code cleaning.json} and by {@code rawi clean}.
 *
 * @param rule      the id of the rule that made it
 * @param paragraph the paragraph id ({@code p0001})
 * @param offset    where, in the paragraph as it stood when the rule ran
 * @param before    the exact text replaced (empty for an insertion)
 * @param after     the exact replacement (empty for a deletion)
 * @param context   a few words around the change, after it was made, for a person to find it
 * @param note      why, for a repair that is more than a rewrite (a quotation closed), or null
 */
public record Change(String rule, String paragraph, int offset, String before, String after, String context,
                     String note) {
}
