package org.corridor.consumer.misp;

/**
 * One MISP attribute of an alert version: MISP's category and type, the value and a comment saying which of the
 * alert's fields it came from. Its uuid is derived from the alert, the field and the value, so the same fact keeps its
 * uuid over versions and a correction that changes it shows in MISP as one attribute deleted and one added.
 */
record MispAttribute(String category, String type, String value, String comment) {

    static MispAttribute text(String category, String value, String comment) {
        return new MispAttribute(category, "text", value, comment);
    }

    /** What identifies the fact within its alert: the same for the same field and value in any version. */
    String key() {
        return category + "|" + type + "|" + comment + "|" + value;
    }
}
