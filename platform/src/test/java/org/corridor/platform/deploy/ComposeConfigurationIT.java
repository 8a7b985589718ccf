package org.corridor.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import org.corridor.broker.BrokerSecurity;
import org.corridor.broker.EmbeddedKafkaCluster;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.consumer.delivery.SubscriberProperties;
import org.corridor.consumer.router.RouterProperties;
import org.corridor.monitor.MonitorApplication;
import org.corridor.platform.DemoScenario;
import org.corridor.platform.access.ProvisionCommand;
import org.corridor.platform.launch.SettingsCatalog;
import org.corridor.producer.ingest.IngestApplication;
import org.corridor.producer.rest.IngestProperties;
import org.corridor.registry.RegistryApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import picocli.CommandLine;

/**
 * docker-compose.yml as a deployment would run it, without a Docker engine: every Corridor service's environment is
 * read from the file (variables from .env.example), each variable must be a setting the service knows (so a misspelt
 * key fails the build), and each service's Spring context boots with exactly that environment against a secured
 * three-node in-JVM cluster provisioned by the compose file's own {@code provision} command. Only host names
 * (kafka-N, schema-registry) and the feed directory are pointed at this JVM. Then one alert goes through ingest,
 * both routers and the subscribers, with the principals and ACLs of the deployment.
 */
class ComposeConfigurationIT {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("corridor-registry", RegistryApplication.class);
        SERVICES.put("ingest", IngestApplication.class);
        SERVICES.put("router-1", RouterApplication.class);
        SERVICES.put("router-2", RouterApplication.class);
        SERVICES.put("subscribers", SubscriberApplication.class);
        SERVICES.put("monitor", MonitorApplication.class);
        SERVICES.put("correlator", org.corridor.consumer.correlator.CorrelatorApplication.class);
        SERVICES.put("web", org.corridor.web.app.WebApplication.class);
    }

    @TempDir
    Path dataDir;

    @TempDir
    Path feeds;

    /** Where the services keep their state in their containers (a volume each). */
    private static final String STATE_VOLUME = "/var/lib/corridor/state";

    @TempDir
    Path state;

    @Test
    void everyServiceBootsWithTheComposeEnvironmentAndAnAlertGoesThrough() throws Exception {
        ComposeFile compose = new ComposeFile(ROOT.resolve("docker-compose.yml"), ROOT.resolve(".env.example"));
        SettingsCatalog known = knownSettings();
        for (Map.Entry<String, Class<?>> s : SERVICES.entrySet()) {
            assertThat(compose.mainClass(s.getKey())).as(s.getKey() + "'s main class").isEqualTo(s.getValue().getName());
            assertJarIsBuiltWithItsMainClass(compose, s.getKey());
            for (String variable : compose.environment(s.getKey()).keySet()) {
                assertThat(isKnown(variable, s.getValue(), known))
                        .as(s.getKey() + ": " + variable + " is not a setting of " + s.getValue().getSimpleName()).isTrue();
            }
        }

        // Keycloak starts first, as its own process, while the cluster and the services start here.
        int[] ports = org.corridor.broker.EmbeddedKafkaBroker.freePorts(3);
        int keycloakPort = ports[0];
        int webPort = ports[2];
        Map<String, String> keycloakHosts = Map.of("http://localhost:8180", "http://localhost:" + keycloakPort,
                "http://localhost:8085", "http://localhost:" + webPort);
        Map<String, String> keycloakEnv = new LinkedHashMap<>();
        compose.environment("keycloak").forEach((k, v) -> keycloakEnv.put(k, rewrite(v, keycloakHosts)));
        // The one thing not as deployed: Keycloak's own file database instead of the compose file's PostgreSQL.
        keycloakEnv.keySet().removeIf(k -> k.startsWith("KC_DB"));
        keycloakEnv.put("KC_DB", "dev-file");
        keycloakEnv.put("KC_HTTP_PORT", String.valueOf(keycloakPort));
        String realm = compose.volumes("keycloak").stream().filter(v -> v.contains("corridor-realm.json")).findFirst()
                .orElseThrow().split(":")[0];

        BrokerSecurity security = new BrokerSecurity(compose.variable("BROKER_PASSWORD"));
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try (KeycloakServer keycloak = KeycloakServer.start(compose.command("keycloak"), keycloakEnv, ROOT.resolve(realm),
                ports[1], Files.createDirectories(state).resolve("keycloak.log"));
             EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.create(dataDir, 3, Map.of(), security).start(Duration.ofSeconds(90))) {
            try {
                Map<String, String> hosts = new LinkedHashMap<>();
                hosts.put("kafka-1:9092,kafka-2:9092,kafka-3:9092", cluster.bootstrapServers());
                hosts.put("kafka-1:19092,kafka-2:19092,kafka-3:19092", cluster.internalBootstrapServers());
                hosts.put("/var/lib/corridor/feeds", feeds.toString());

                // The one-shot provision service, with its own command line and environment.
                List<String> args = new ArrayList<>(compose.command("provision"));
                assertThat(args.subList(0, 2)).containsExactly("admin", "provision");
                args = args.subList(2, args.size()).stream().map(a -> rewrite(a, hosts)).toList();
                Map<String, String> provisionEnv = compose.environment("provision");
                StringWriter err = new StringWriter();
                int exit = new CommandLine(new ProvisionCommand(provisionEnv::get)).setErr(new PrintWriter(err))
                        .execute(args.toArray(String[]::new));
                assertThat(exit).as(err.toString()).isZero();

                ConfigurableApplicationContext registry = boot("corridor-registry", compose, hosts);
                contexts.add(registry);
                hosts.put("schema-registry:8081", "localhost:" + registry.getEnvironment().getProperty("local.server.port"));
                for (String service : List.of("ingest", "router-1", "router-2", "subscribers", "monitor")) {
                    contexts.add(boot(service, compose, hosts));
                }
                ConfigurableApplicationContext ingest = contexts.get(1);
                assertThat(ingest.getBean(IngestProperties.class).agencies()).hasSize(2)
                        .allSatisfy(a -> assertThat(a.kafkaPassword()).isNotBlank());
                assertThat(contexts.get(2).getBean(RouterProperties.class).replicationFactor()).isEqualTo((short) 3);
                assertThat(contexts.get(3).getBean(RouterProperties.class).instanceId()).isEqualTo("router-2");
                assertThat(contexts.get(4).getBean(SubscriberProperties.class).bodyPasswords()).hasSize(13)
                        .containsKeys("PARIS_PACT", "UNODC", "EUROPOL");

                // One alert of tj-drug-control through the deployment: the REST token is the one .env.example documents.
                String token = exampleToken(compose, "tj-drug-control");
                String restUrl = "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port");
                HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(restUrl + "/api/v1/alerts"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(DemoScenario.steps().get(0).body())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String alertId = JsonMapper.shared().readTree(accepted.body()).get("alertId").asString();
                // Delivered to UNODC's feed file by the subscribers, as body-unodc.
                await().atMost(Duration.ofSeconds(90)).until(() -> delivered(feeds.resolve("unodc"), alertId));

                // The web app with its compose environment: the services where it calls them, Keycloak where it and the
                // browsers reach it (two names for one server, as in compose: the app's and the browsers').
                hosts.put("ingest:8080", "localhost:" + port(ingest));
                hosts.put("router-1:8082", "localhost:" + port(contexts.get(2)));
                hosts.put("subscribers:8083", "localhost:" + port(contexts.get(4)));
                hosts.put("monitor:8084", "localhost:" + port(contexts.get(5)));
                hosts.put("http://localhost:8180", "http://localhost:" + keycloakPort);
                hosts.put("keycloak:8080", "127.0.0.1:" + keycloakPort);
                ConfigurableApplicationContext web = boot("web", compose, hosts, webPort);
                contexts.add(web);
                webCallsTheServicesWithTheDeploymentsCredentials(web.getBean(org.corridor.web.app.Exchange.class), alertId);
                keycloak.awaitReady(Duration.ofSeconds(180));
                aPersonLogsInThroughKeycloakAndSeesTheirBodysFeed(compose, "http://localhost:" + webPort, alertId);
            } finally {
                // The services stop before the cluster does, as in a deployment.
                Collections.reverse(contexts);
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    /**
     * A service built from a jar names a jar the reactor builds: {@code MODULE/target/ARTIFACT-VERSION-exec.jar}, where
     * MODULE's pom declares ARTIFACT and holds the main class (a module moved or renamed would leave a stale path).
     */
    private static void assertJarIsBuiltWithItsMainClass(ComposeFile compose, String service) throws IOException {
        String jar = compose.buildArg(service, "JAR");
        if (jar == null) {
            return;
        }
        Matcher m = Pattern.compile("(.+)/target/(.+?)-(\\d[\\w.]*(?:-SNAPSHOT)?)-exec\\.jar").matcher(jar);
        assertThat(m.matches()).as(service + "'s JAR " + jar + " is MODULE/target/ARTIFACT-VERSION-exec.jar").isTrue();
        Path module = ROOT.resolve(m.group(1));
        assertThat(Files.readString(module.resolve("pom.xml"))).as(service + ": " + module + "/pom.xml")
                .contains("<artifactId>" + m.group(2) + "</artifactId>");
        Path source = module.resolve("src/main/java").resolve(compose.mainClass(service).replace('.', '/') + ".java");
        assertThat(source).as(service + "'s main class in its jar's module").isRegularFile();
    }

    private static boolean delivered(Path dir, String alertId) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.readString(f).contains(alertId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String exampleToken(ComposeFile compose, String agency) {
        return compose.variable(agency.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_TOKEN");
    }

    private static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    /** What the web app's pages call, with the credentials the compose file gives it: each answers as that party. */
    private static void webCallsTheServicesWithTheDeploymentsCredentials(org.corridor.web.app.Exchange exchange, String alertId) {
        org.corridor.web.app.Exchange.Answer feed = exchange.asBody("UNODC", "GET", "/api/v1/feeds/UNODC/alerts", null);
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(200);
        assertThat(feed.body().toString()).contains(alertId);
        org.corridor.web.app.Exchange.Answer own = exchange.asAgency("tj-drug-control", "GET", "/api/v1/alerts/" + alertId, null);
        assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
        org.corridor.web.app.Exchange.Answer explain = exchange.explainAsAgency("tj-drug-control", own.body().toString());
        assertThat(explain.status()).as(explain.body().toString()).isEqualTo(200);
        assertThat(explain.body().path("recipients").toString()).contains("UNODC");
        org.corridor.web.app.Exchange.Answer notTheirs = exchange.asAgency("be-customs", "GET", "/api/v1/alerts/" + alertId, null);
        assertThat(notTheirs.status()).isEqualTo(404);
        org.corridor.web.app.Exchange.Answer otherFeed = exchange.asBody("UNODC", "GET", "/api/v1/feeds/CARICC/alerts", null);
        assertThat(otherFeed.status()).isEqualTo(403);
        org.corridor.web.app.Exchange.Answer dlq = exchange.monitorAsOperator("/api/v1/health/bodies");
        assertThat(dlq.status()).as(dlq.body().toString()).isEqualTo(200);
    }

    /**
     * UNODC's analyst opens the web app, is sent to Keycloak, logs in with the first password .env.example gives,
     * sets a new one as Keycloak asks, and lands on UNODC's inbox holding the alert.
     */
    private void aPersonLogsInThroughKeycloakAndSeesTheirBodysFeed(ComposeFile compose, String webUrl, String alertId) throws Exception {
        try (org.corridor.platform.web.Browser b = new org.corridor.platform.web.Browser("compose-keycloak",
                state.resolve("chromium"), "en-GB")) {
            b.driver.get(webUrl + "/");
            b.waitFor(org.openqa.selenium.By.id("username")).sendKeys("analyst-unodc");
            b.driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(compose.variable("KC_PASSWORD_ANALYST_UNODC"));
            b.shot("keycloak-login");
            b.driver.findElement(org.openqa.selenium.By.id("kc-login")).click();
            String fresh = "A-new-password-" + java.util.UUID.randomUUID();
            try {
                b.waitFor(org.openqa.selenium.By.id("password-new")).sendKeys(fresh);
            } catch (org.openqa.selenium.TimeoutException e) {
                b.shot("keycloak-no-new-password");
                throw new AssertionError("no new-password form at " + b.driver.getCurrentUrl() + ": "
                        + b.driver.findElement(org.openqa.selenium.By.tagName("body")).getText(), e);
            }
            b.driver.findElement(org.openqa.selenium.By.id("password-confirm")).sendKeys(fresh);
            b.shot("keycloak-new-password");
            b.driver.findElement(org.openqa.selenium.By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
            assertThat(b.waitFor(org.openqa.selenium.By.tagName("h1")).getText()).isEqualTo("UNODC: inbox");
            assertThat(b.driver.getCurrentUrl()).startsWith(webUrl);
            assertThat(b.driver.findElements(org.openqa.selenium.By.cssSelector("a[href$='" + alertId + "']"))).isNotEmpty();
            b.shot("unodc-inbox");
        }
    }

    /** Boots the service's application with the compose environment as the process environment would be. */
    private ConfigurableApplicationContext boot(String service, ComposeFile compose, Map<String, String> hosts) throws Exception {
        return boot(service, compose, hosts, 0);
    }

    private ConfigurableApplicationContext boot(String service, ComposeFile compose, Map<String, String> hosts, int port) throws Exception {
        Map<String, Object> env = new HashMap<>();
        compose.environment(service).forEach((k, v) -> env.put(k, rewrite(v, hosts)));
        // Each container has a state volume of its own; here they share one machine, so each gets its own directory.
        env.replaceAll((k, v) -> STATE_VOLUME.equals(v) ? state.resolve(service).toString() : v);
        env.put("PORT", String.valueOf(port));
        Map<String, Object> defaults = defaults(SERVICES.get(service));
        // Spring Boot maps environment variable names only for sources named like the system environment.
        return new SpringApplicationBuilder(SERVICES.get(service)).properties(defaults)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(service + "-compose-systemEnvironment", env)))
                .run();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaults(Class<?> app) throws ReflectiveOperationException {
        Map<String, Object> d = new HashMap<>((Map<String, Object>) app.getField("DEFAULTS").get(null));
        d.put("spring.main.banner-mode", "off");
        return d;
    }

    private static String rewrite(String value, Map<String, String> hosts) {
        String v = value;
        for (Map.Entry<String, String> h : hosts.entrySet()) {
            v = v.replace(h.getKey(), h.getValue());
        }
        return v;
    }

    /**
     * Whether an environment variable means something to the application: a placeholder its defaults read
     * ({@code ${KAFKA_BOOTSTRAP_SERVERS:...}}), or a setting in the configuration metadata on the class path, compared
     * as Spring Boot's relaxed binding does ({@link SettingsCatalog#knowsEnvironmentVariable}). Whether the value
     * really binds is checked by booting the service.
     */
    private static boolean isKnown(String variable, Class<?> app, SettingsCatalog known) {
        try {
            if (defaults(app).values().stream().anyMatch(v -> String.valueOf(v).contains("${" + variable + ":"))) {
                return true;
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return known.knowsEnvironmentVariable(variable);
    }

    /** The settings of every configuration metadata file on the class path. */
    private static SettingsCatalog knownSettings() {
        SettingsCatalog catalog = SettingsCatalog.read(ComposeConfigurationIT.class.getClassLoader());
        assertThat(List.of("CORRIDOR_ROUTER_INSTANCEID", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "CORRIDOR_INGEST_AGENCIES_0_ID"))
                .allMatch(catalog::knowsEnvironmentVariable);
        return catalog;
    }
}
