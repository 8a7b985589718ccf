package org.corridor.platform.launch;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the {@code --set SERVICE:KEY=VALUE} options of {@code corridor up} into Spring properties per service, such as
 * {@code --set router:spring.kafka.consumer.max-poll-records=1000}. Only the form is checked here; whether the key is a
 * setting of that service and the value binds is {@link OverrideBinder}'s job when the platform starts.
 */
public final class ServiceOverrides {

    private ServiceOverrides() {
    }

    /**
     * @param options each {@code SERVICE:KEY=VALUE}; SERVICE is {@code registry}, {@code ingest}, {@code router},
     *                {@code subscribers} or {@code monitor}; a later option for the same key wins
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    public static Map<Service, Map<String, Object>> parse(List<String> options) {
        Map<Service, Map<String, Object>> parsed = new EnumMap<>(Service.class);
        for (String option : options) {
            int colon = option.indexOf(':');
            int equals = option.indexOf('=');
            if (colon <= 0 || equals < colon + 2) {
                throw new IllegalArgumentException("--set " + option + ": expected SERVICE:KEY=VALUE, such as "
                        + "router:spring.kafka.consumer.max-poll-records=1000");
            }
            Service service = service(option, option.substring(0, colon));
            String key = option.substring(colon + 1, equals).trim();
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("--set " + option + ": the key must be a property name without spaces");
            }
            parsed.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, option.substring(equals + 1));
        }
        return parsed;
    }

    private static Service service(String option, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Service s : Service.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--set " + option + ": unknown service '" + name + "'; one of "
                + String.join(", ", List.of("registry", "ingest", "router", "subscribers", "monitor")));
    }
}
