package org.corridor.platform.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Turns a type as configuration metadata spells it ({@code java.util.Map<java.lang.String,java.time.Duration>},
 * {@code java.lang.String[]}, {@code ...KafkaProperties$IsolationLevel}) into a {@link ResolvableType}. A generic
 * argument that cannot be resolved (a wildcard, a class not on the class path) leaves the raw type.
 */
final class TypeNames {

    private TypeNames() {
    }

    /** The type, or empty when its class is not on the class path. */
    static Optional<ResolvableType> resolve(String type, ClassLoader loader) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(type.replace(" ", ""), loader));
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResolvableType parse(String type, ClassLoader loader) throws ClassNotFoundException {
        if (type.endsWith("[]")) {
            return ResolvableType.forArrayComponent(parse(type.substring(0, type.length() - 2), loader));
        }
        int open = type.indexOf('<');
        if (open < 0) {
            return ResolvableType.forClass(ClassUtils.forName(type, loader));
        }
        Class<?> raw = ClassUtils.forName(type.substring(0, open), loader);
        List<String> arguments = arguments(type.substring(open + 1, type.lastIndexOf('>')));
        ResolvableType[] generics = new ResolvableType[arguments.size()];
        try {
            for (int i = 0; i < generics.length; i++) {
                generics[i] = parse(arguments.get(i), loader);
            }
            return ResolvableType.forClassWithGenerics(raw, generics);
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return ResolvableType.forClass(raw);
        }
    }

    /** Splits "A,B<C,D>" at its top-level commas. */
    private static List<String> arguments(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }
}
