package org.corridor.schemas.validation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an enum symbol from text: the one way Corridor does it (JSON, CSV, routing rules), with the one error
 * message, {@code "SEIZED" is not one of SEIZURE, STOPPED_SHIPMENT, ...}. Each input format chooses how forgiving
 * its spelling is. Stateless.
 */
public final class EnumText {

    /** How text is turned into a symbol before it is looked up. */
    public enum Spelling {
        /** As written: {@code SEIZURE}. */
        EXACT,
        /** As written, with TLP's {@code +} read as {@code _}: {@code AMBER+STRICT} is {@code AMBER_STRICT}. */
        MARKING,
        /** Also trimmed, upper-cased and with spaces as {@code _}: {@code " amber+strict"}, {@code "clandestine lab"}. */
        LENIENT;

        String apply(String text) {
            return switch (this) {
                case EXACT -> text;
                case MARKING -> text.replace('+', '_');
                case LENIENT -> text.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace(' ', '_');
            };
        }
    }

    private EnumText() {
    }

    /** The symbol the text names, if it names one. */
    public static Optional<String> symbol(List<String> symbols, String text, Spelling spelling) {
        String name = spelling.apply(text);
        return symbols.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** The constant the text names, if it names one. */
    public static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text, Spelling spelling) {
        String name = spelling.apply(text);
        return Stream.of(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }

    /** The message for text that names no symbol. */
    public static String notOneOf(String text, List<String> symbols) {
        return "\"" + text + "\" is not one of " + String.join(", ", symbols);
    }

    /** The message for text that names no constant of the type. */
    public static <E extends Enum<E>> String notOneOf(String text, Class<E> type) {
        return notOneOf(text, Stream.of(type.getEnumConstants()).map(Enum::name).toList());
    }
}
