package org.corridor.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.SecureSetup;
import org.corridor.platform.launch.LaunchSettingException;
import org.corridor.platform.launch.Service;
import org.corridor.platform.launch.ServiceOverrides;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code up}: runs the whole exchange in this process until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the embedded platform: a Kafka KRaft broker (data under --data-dir), the schema registry, "
                + "the agency REST service, the router, subscribers for all 13 bodies, the correlator, the monitor, the login service "
                + "and the web app. Ctrl-C stops it cleanly.")
public final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}", description = "data directory (${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "embedded broker port (${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "schema registry port (${DEFAULT-VALUE})")
    int registryPort;

    @Option(names = "--rest-port", defaultValue = "8080", description = "agency REST port (${DEFAULT-VALUE})")
    int restPort;

    @Option(names = "--router-port", defaultValue = "8082", description = "router HTTP port (${DEFAULT-VALUE})")
    int routerPort;

    @Option(names = "--subscriber-port", defaultValue = "8083", description = "subscribers' HTTP port (${DEFAULT-VALUE})")
    int subscriberPort;

    @Option(names = "--monitor-port", defaultValue = "8084", description = "monitor port: dashboard and health (${DEFAULT-VALUE})")
    int monitorPort;

    @Option(names = "--correlator-port", defaultValue = "8086", description = "correlator HTTP port: explain, metrics (${DEFAULT-VALUE})")
    int correlatorPort;

    @Option(names = "--web-port", defaultValue = "8085", description = "web app port (${DEFAULT-VALUE}); -1: no web app and no login service")
    int webPort;

    @Option(names = "--login-port", defaultValue = "9000", description = "login service port: the web app's OpenID Connect provider (${DEFAULT-VALUE})")
    int loginPort;

    @Option(names = "--insecure", description = "run the embedded broker in plaintext, without authentication or ACLs, "
            + "or accept an external cluster reached that way (development only; the default requires SASL/SCRAM and "
            + "enforces ACLs)")
    boolean insecure;

    @Option(names = "--bind", defaultValue = PlatformSettings.LOOPBACK, paramLabel = "ADDRESS",
            description = "address the HTTP services listen on (${DEFAULT-VALUE}: this machine only; 0.0.0.0: every interface)")
    String bind;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "use this Kafka cluster instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "${env:SCHEMA_REGISTRY_URL}",
            description = "use this schema registry (Confluent's or Corridor's) instead of the embedded one")
    String registryUrl;

    @Option(names = "--set", paramLabel = "SERVICE:KEY=VALUE",
            description = "a Spring setting for one service, on top of what Corridor sets, such as "
                    + "router:spring.kafka.consumer.max-poll-records=1000 (repeatable; SERVICE is registry, ingest, router, "
                    + "subscribers, monitor or correlator; an unknown key or a value of the wrong type stops the start, named)")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Map<Service, Map<String, Object>> overrides;
        try {
            overrides = ServiceOverrides.parse(settings);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("corridor: " + e.getMessage());
            return 2;
        }
        EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(dataDir.toAbsolutePath().normalize(), kafkaPort,
                registryPort, restPort, routerPort, subscriberPort, monitorPort, bootstrapServers, registryUrl, insecure, bind,
                correlatorPort, webPort, loginPort),
                overrides);
        try {
            platform.start();
        } catch (LaunchSettingException e) {
            spec.commandLine().getErr().println("corridor: --set " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("corridor: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("corridor: stopping...");
            out.flush();
            platform.close();
            stopped.countDown();
        }, "corridor-shutdown"));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println();
        out.println("Corridor is up (ready in " + String.format("%.1f", seconds) + " s)");
        Banner.services(platform).forEach(out::println);
        out.printf("  %-17s %s%n", "Data directory", platform.dataDir());
        out.printf("  %-17s %s%n", "Feed files", platform.dataDir().resolve("feeds") + "/<body>/<date>.jsonl");
        out.printf("  %-17s %s%n", "Inbox files", platform.dataDir().resolve("inboxes") + "/{agency-<id>,body-<slug>}/<date>.jsonl (responses)");
        out.printf("  %-17s %s (owner-only; one bearer token per demo agency)%n", "Agency tokens",
                platform.dataDir().resolve(DemoAgencies.FILE));
        out.printf("  %-17s %s (owner-only; HTTP basic: http-operator, http-body-<id>%s)%n", "Credentials",
                platform.dataDir().resolve(CredentialStore.FILE), platform.secured() ? "; Kafka SCRAM passwords" : "");
        if (platform.secured()) {
            out.printf("  %-17s %s (owner-only; admin client settings for Kafka tools)%n", "Admin client",
                    platform.dataDir().resolve(SecureSetup.CLIENT_CONFIG));
        }
        if (platform.settings().web()) {
            out.printf("  %-17s %s (owner-only; web app logins: officer-<agency>, analyst-<body>, operator)%n", "People",
                    platform.dataDir().resolve(CredentialStore.PEOPLE_FILE));
        }
        out.println("Try ./corridor demo, then ./corridor status, in another terminal. Ctrl-C stops Corridor.");
        out.flush();
        stopped.await();
        return 0;
    }
}
