package org.corridor.registry.core;

/** A version in a URL: a number from 1, or {@code latest} (also {@code -1}). */
record VersionSpec(int number) {

    static final VersionSpec LATEST = new VersionSpec(-1);

    boolean isLatest() {
        return number == -1;
    }

    static VersionSpec parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int n = Integer.parseInt(text);
            if (n == -1) {
                return LATEST;
            }
            if (n >= 1) {
                return new VersionSpec(n);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw RegistryException.invalidVersion(text);
    }
}
