package org.corridor.platform.launch;

/**
 * One setting of the configuration metadata.
 *
 * @param name        canonical name, such as {@code corridor.router.retry-backoff}
 * @param type        the declared type as the metadata spells it ({@code java.util.Map<java.lang.String,java.time.Duration>}),
 *                    or null when the metadata gives none
 * @param removed     the metadata marks it deprecated at level {@code error}: Spring Boot no longer reads it
 * @param replacement what replaces a removed or deprecated setting, or null
 */
public record Setting(String name, String type, boolean removed, String replacement) {

    /** Whether keys below the name are entries of this setting: a map, a collection or an array. */
    public boolean container() {
        return type != null && (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                || type.startsWith("java.util.Set") || type.startsWith("java.util.Collection") || type.endsWith("[]"));
    }
}
