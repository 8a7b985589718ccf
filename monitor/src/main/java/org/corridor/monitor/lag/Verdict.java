package org.corridor.monitor.lag;

/** A status and the sentence that explains it to an operator. */
public record Verdict(GroupStatus status, String explanation) {

    public static Verdict of(GroupStatus status, String format, Object... args) {
        return new Verdict(status, String.format(java.util.Locale.ROOT, format, args));
    }
}
