package org.corridor.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keycloak from its distribution (unpacked by the platform's pom into {@code target/keycloak}), started as its own
 * process the way the compose file's {@code keycloak} service starts it: the same command and environment, the realm
 * file in its import folder. Keycloak needs Java 21 or later: {@code KEYCLOAK_JAVA_HOME}, else the newest JDK of 21 or
 * more under {@code /usr/lib/jvm}.
 */
final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int managementPort;

    private KeycloakServer(Process process, Path log, int managementPort) {
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /**
     * Starts Keycloak with that command line and environment, the realm file imported, its database and caches in
     * the distribution's own {@code data} folder (emptied first).
     */
    static KeycloakServer start(List<String> command, Map<String, String> environment, Path realm, int managementPort,
                                Path log) throws IOException {
        Path home = home();
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(realm, data.resolve("import").resolve(realm.getFileName()));
        List<String> line = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", java21().toString());
        builder.environment().put("KC_HTTP_MANAGEMENT_PORT", String.valueOf(managementPort));
        return new KeycloakServer(builder.start(), log, managementPort);
    }

    /** Waits until Keycloak says it is ready (its realm imported); fails at once, with its log, if it stops. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        org.awaitility.Awaitility.await("Keycloak ready (its log: " + log + ")").atMost(timeout)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                .failFast(() -> assertThat(process.isAlive()).as(() -> "Keycloak stopped; its log: " + tail()).isTrue())
                .until(() -> {
                    HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("UP");
                });
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    /** The unpacked distribution. */
    static Path home() throws IOException {
        Path unpacked = Path.of("target", "keycloak");
        assertThat(unpacked).as("Keycloak's distribution, unpacked by the platform's pom (pre-integration-test)").isDirectory();
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no keycloak-* folder in " + unpacked.toAbsolutePath()))
                    .toAbsolutePath();
        }
    }

    /** A Java of 21 or later for Keycloak. */
    static Path java21() throws IOException {
        String given = System.getenv("KEYCLOAK_JAVA_HOME");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Optional<Path> found = Optional.empty();
        int best = 0;
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path h : homes.toList()) {
                    int major = major(h);
                    if (major >= 21 && major > best && Files.isExecutable(h.resolve("bin/java"))) {
                        best = major;
                        found = Optional.of(h);
                    }
                }
            }
        }
        return found.orElseThrow(() -> new AssertionError("Keycloak needs Java 21 or later: set KEYCLOAK_JAVA_HOME, or "
                + "apt-get install -y openjdk-21-jre-headless (.ci/run does this when none is found)"));
    }

    private static int major(Path javaHome) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("(?:java|jdk|jre|temurin)-(\\d+)")
                .matcher(javaHome.getFileName().toString());
        if (!Files.exists(javaHome.resolve("release"))) {
            return named.find() ? Integer.parseInt(named.group(1)) : 0;
        }
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
