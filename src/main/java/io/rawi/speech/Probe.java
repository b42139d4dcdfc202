package io.rawi.speech;

/**
 * Whether a provider can work on this machine.
 *
 * @param available true when it can synthesize
 * @param detail    when available, what it runs (engine and version); otherwise why not and what to do
 */
public record Probe(boolean available, String detail) {
    public static Probe ok(String detail) {
        return new Probe(true, detail);
    }

    public static Probe no(String reason) {
        return new Probe(false, reason);
    }
}
