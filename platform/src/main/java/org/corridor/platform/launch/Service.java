package org.corridor.platform.launch;

import org.corridor.web.app.WebApplication;
import org.corridor.web.login.LoginApplication;

import java.util.Map;
import java.util.Optional;

import org.corridor.consumer.correlator.CorrelatorApplication;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.monitor.MonitorApplication;
import org.corridor.producer.ingest.IngestApplication;
import org.corridor.registry.RegistryApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * A service the embedded platform runs in a Spring context of its own, in start order: its application class, the
 * defaults its standalone {@code main} uses, and the prefix of its own {@code @ConfigurationProperties}
 * ({@code corridor.router.*} belongs to the router and to no other service).
 */
public enum Service {

    REGISTRY("schema registry", RegistryApplication.class, RegistryApplication.DEFAULTS, "corridor.registry"),
    INGEST("agency REST service", IngestApplication.class, IngestApplication.DEFAULTS, "corridor.ingest"),
    ROUTER("router", RouterApplication.class, RouterApplication.DEFAULTS, "corridor.router"),
    SUBSCRIBERS("subscribers", SubscriberApplication.class, SubscriberApplication.DEFAULTS, "corridor.subscriber"),
    MONITOR("monitor", MonitorApplication.class, MonitorApplication.DEFAULTS, "corridor.monitor"),
    CORRELATOR("correlator", CorrelatorApplication.class, CorrelatorApplication.DEFAULTS, "corridor.correlator"),
    LOGIN("login service", LoginApplication.class, LoginApplication.DEFAULTS, "corridor.login"),
    WEB("web app", WebApplication.class, WebApplication.DEFAULTS, "corridor.web");

    private final String label;
    private final Class<?> application;
    private final Map<String, Object> defaults;
    private final ConfigurationPropertyName prefix;

    Service(String label, Class<?> application, Map<String, Object> defaults, String prefix) {
        this.label = label;
        this.application = application;
        this.defaults = Map.copyOf(defaults);
        this.prefix = ConfigurationPropertyName.of(prefix);
    }

    /** How messages name the service: "the router". */
    public String label() {
        return label;
    }

    public Class<?> application() {
        return application;
    }

    /** The standalone defaults (placeholders such as {@code ${PORT:8082}} included), immutable. */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /** The prefix of the service's own settings, such as {@code corridor.router}. */
    public String prefix() {
        return prefix.toString();
    }

    /** Whether the setting (in any relaxed form) is under this service's prefix. */
    public boolean owns(String setting) {
        return prefix.isAncestorOf(ConfigurationPropertyName.adapt(setting, '.'));
    }

    /** The service whose prefix the setting is under, if any. */
    public static Optional<Service> owning(String setting) {
        for (Service s : values()) {
            if (s.owns(setting)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
