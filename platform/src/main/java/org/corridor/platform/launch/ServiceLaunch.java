package org.corridor.platform.launch;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the embedded platform starts one service: on which port, against which Kafka cluster, with the settings Corridor
 * sets for this run (principals, URLs, directories) and the overrides given from outside, already checked by an
 * {@link OverrideBinder}. The service's context sees, from weakest to strongest: its standalone
 * {@link Service#defaults() defaults}, what every embedded service gets ({@link #EMBEDDED}), {@code settings}, then
 * {@code overrides}.
 *
 * @param service          which service
 * @param port             its HTTP port (0: any free port)
 * @param bootstrapServers the Kafka cluster
 * @param settings         what Corridor sets for this run, such as {@code corridor.router.instance-id}
 * @param overrides        settings given from outside, which win
 */
public record ServiceLaunch(Service service, int port, String bootstrapServers, Map<String, Object> settings,
                            Map<String, Object> overrides) {

    /** What every service in the embedded platform gets. */
    public static final Map<String, Object> EMBEDDED = Map.of(
            "spring.main.banner-mode", "off",
            // The platform stops the services itself, in order, before the broker.
            "spring.main.register-shutdown-hook", "false",
            "spring.main.log-startup-info", "false");

    public ServiceLaunch {
        settings = Map.copyOf(settings);
        overrides = Map.copyOf(overrides);
    }

    /** The properties the service's context starts with. */
    public Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(service.defaults());
        props.put("server.port", Integer.toString(port));
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.putAll(EMBEDDED);
        // Only the agency REST service publishes an OpenAPI document.
        props.put("springdoc.api-docs.enabled", Boolean.toString(service == Service.INGEST));
        // Only the web app and the login form render pages (Thymeleaf is on the one class path all services share here).
        props.put("spring.thymeleaf.enabled", Boolean.toString(service == Service.WEB || service == Service.LOGIN));
        props.put("spring.thymeleaf.check-template-location", Boolean.toString(service == Service.WEB || service == Service.LOGIN));
        props.putAll(settings);
        props.putAll(overrides);
        return props;
    }

    /** Starts the service's Spring context; returns once it is up. */
    public ConfigurableApplicationContext run() {
        return new SpringApplicationBuilder(service.application()).properties(properties()).run();
    }
}
