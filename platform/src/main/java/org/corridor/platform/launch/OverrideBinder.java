package org.corridor.platform.launch;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;

/**
 * Checks the settings given to one service from outside (a test, the command line) before the service starts: each key
 * must be a setting of the {@link SettingsCatalog} (Spring Boot's or the service's own: {@code corridor.router.*} is
 * the router's and no other service's), and each value must bind, with Spring's {@link Binder}, to the type the
 * setting declares. A value holding a {@code ${...}} placeholder is only checked by name: the service resolves it.
 * Thread-safe; the catalog is read once by whoever builds this.
 */
public final class OverrideBinder {

    private final SettingsCatalog catalog;
    private final ClassLoader loader;

    public OverrideBinder(SettingsCatalog catalog, ClassLoader loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    /** A binder over the metadata of the class path that loaded this class. */
    public static OverrideBinder fromClassPath() {
        ClassLoader loader = OverrideBinder.class.getClassLoader();
        return new OverrideBinder(SettingsCatalog.read(loader), loader);
    }

    /**
     * @return the settings, unchanged (keys and values as given), in an unmodifiable map
     * @throws LaunchSettingException naming the first key, in key order, that is unknown, belongs to another service or
     *                                has a value that does not bind
     */
    public Map<String, Object> bind(Service service, Map<String, ?> settings) {
        Map<String, Object> literal = new HashMap<>();
        settings.forEach((k, v) -> {
            if (!isPlaceholder(v)) {
                literal.put(k, v);
            }
        });
        Binder binder = new Binder(new MapConfigurationPropertySource(literal));
        Set<String> bound = new HashSet<>();
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(settings).entrySet()) {
            Setting setting = known(service, e.getKey());
            // A map or list binds once, with all its entries.
            if (!isPlaceholder(e.getValue()) && bound.add(setting.name())) {
                TypeNames.resolve(setting.type(), loader).ifPresent(type -> bind(binder, service, setting, type, settings));
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    private static boolean isPlaceholder(Object value) {
        return String.valueOf(value).contains("${");
    }

    private Setting known(Service service, String key) {
        Optional<Setting> found = catalog.find(key);
        if (found.isEmpty()) {
            String hint = service.owns(key) ? "; the " + service.label() + "'s settings are "
                    + String.join(", ", catalog.namesUnder(service.prefix())) : "";
            throw new LaunchSettingException(service, key, key + " is not a setting of any Corridor service or of Spring Boot"
                    + hint, null);
        }
        Setting setting = found.get();
        if (setting.removed()) {
            throw new LaunchSettingException(service, key, key + " is no longer supported"
                    + (setting.replacement() == null ? "" : "; use " + setting.replacement()), null);
        }
        Optional<Service> owner = Service.owning(setting.name());
        if (owner.isPresent() && owner.get() != service) {
            throw new LaunchSettingException(service, key, key + " is a setting of the " + owner.get().label()
                    + ", not of the " + service.label(), null);
        }
        return setting;
    }

    private static void bind(Binder binder, Service service, Setting setting, ResolvableType type, Map<String, ?> settings) {
        try {
            binder.bind(setting.name(), Bindable.of(type));
        } catch (BindException e) {
            ConfigurationProperty property = e.getProperty();
            String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage() + allowed(type);
            if (property != null) {
                String key = given(property.getName(), settings);
                throw new LaunchSettingException(service, key, key + " = \"" + property.getValue() + "\" does not bind to "
                        + setting.type() + ": " + cause, e);
            }
            // The binder names no property when a map key does not convert: name what was given under the setting.
            ConfigurationPropertyName name = ConfigurationPropertyName.of(setting.name());
            Map<String, Object> under = new TreeMap<>();
            settings.forEach((k, v) -> {
                if (name.isAncestorOf(ConfigurationPropertyName.adapt(k, '.'))) {
                    under.put(k, v);
                }
            });
            String keys = under.entrySet().stream().map(u -> u.getKey() + " = \"" + u.getValue() + "\"")
                    .collect(Collectors.joining(", "));
            String key = under.size() == 1 ? under.keySet().iterator().next() : setting.name();
            throw new LaunchSettingException(service, key, (under.isEmpty() ? setting.name() : keys) + " does not bind to "
                    + setting.type() + ": " + cause, e);
        }
    }

    /** "; allowed: A, B" when the type is, or holds, an enum (a map's key or value, a list's element). */
    private static String allowed(ResolvableType type) {
        Class<?> raw = type.resolve();
        if (raw != null && raw.isEnum()) {
            return "; allowed: " + Arrays.stream(raw.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        for (ResolvableType generic : type.getGenerics()) {
            String a = allowed(generic);
            if (!a.isEmpty()) {
                return a;
            }
        }
        return type.isArray() ? allowed(type.getComponentType()) : "";
    }

    /** The key as it was given for a property the binder names in its canonical form. */
    private static String given(ConfigurationPropertyName name, Map<String, ?> settings) {
        return settings.keySet().stream().filter(k -> ConfigurationPropertyName.adapt(k, '.').equals(name)).findFirst()
                .orElse(name.toString());
    }
}
