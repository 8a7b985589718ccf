package org.corridor.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's registry in docker-compose.yml (issue 19, item 10): it is not published on the host, it authenticates
 * every request, and every Corridor service that talks to it sends the credential it checks. Its entrypoint script
 * runs here for real, with the compose file's environment, in place of the image's start command.
 */
class ConfluentRegistryAuthTest {

    private static final Path ROOT = Path.of("..");
    private static final String SERVICE = "schema-registry";

    @TempDir
    Path dir;

    private final ComposeFile compose = compose();

    @Test
    void theRegistryIsNotPublishedOnTheHostAndAuthenticatesEveryRequest() {
        Map<String, Object> service = compose.service(SERVICE);
        assertThat(service).doesNotContainKey("ports");
        Map<String, String> env = compose.environment(SERVICE);
        assertThat(env).containsEntry("SCHEMA_REGISTRY_AUTHENTICATION_METHOD", "BASIC")
                .containsEntry("REGISTRY_WRITER_PASSWORD", compose.variable("REGISTRY_WRITER_PASSWORD"));
        assertThat(service.get("entrypoint")).isEqualTo(List.of("/corridor/entrypoint.sh"));
        assertThat(String.valueOf(service.get("volumes")))
                .contains("./docker/confluent-registry/entrypoint.sh:/corridor/entrypoint.sh:ro");
        assertThat(String.valueOf(service.get("healthcheck"))).contains("-u \"corridor:$${REGISTRY_WRITER_PASSWORD}\"");
    }

    @Test
    void everyCorridorServiceSendsTheRegistryCredential() {
        String expected = "http://corridor:" + compose.variable("REGISTRY_WRITER_PASSWORD") + "@schema-registry:8081";
        for (String s : List.of("ingest", "router-1", "router-2", "subscribers", "monitor")) {
            Map<String, String> env = compose.environment(s);
            List<String> urls = env.entrySet().stream().filter(e -> e.getKey().endsWith("_SCHEMA_REGISTRY_URL"))
                    .map(Map.Entry::getValue).toList();
            assertThat(urls).as(s + "'s registry URL").containsExactly(expected);
        }
    }

    @Test
    void theEntrypointWritesOwnerOnlyJaasAndUsersFilesForTheConfiguredRealm() throws Exception {
        Map<String, String> env = compose.environment(SERVICE);
        Run run = entrypoint(env.get("REGISTRY_WRITER_PASSWORD"), env);
        assertThat(run.exit).as(run.output).isZero();

        Path auth = dir.resolve("auth");
        Path users = auth.resolve("users.properties");
        Path jaas = auth.resolve("jaas.conf");
        assertThat(Files.readString(users)).isEqualTo("corridor: " + env.get("REGISTRY_WRITER_PASSWORD") + ","
                + env.get("SCHEMA_REGISTRY_AUTHENTICATION_ROLES") + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth))).isEqualTo("rwx------");
        String conf = Files.readString(jaas);
        assertThat(conf).startsWith(env.get("SCHEMA_REGISTRY_AUTHENTICATION_REALM") + " {\n")
                .contains("PropertyFileLoginModule required").contains("file=\"" + users + "\"");
        // The image's start command runs with the JAAS file given to the registry's JVM.
        assertThat(run.output).contains("-Djava.security.auth.login.config=" + jaas);
    }

    @Test
    void aPasswordThatWouldBreakTheUsersFileIsRefused() throws Exception {
        Run run = entrypoint("one,two", compose.environment(SERVICE));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.output).contains("REGISTRY_WRITER_PASSWORD must not contain spaces, commas or colons");
        assertThat(dir.resolve("auth")).doesNotExist();
    }

    private Run entrypoint(String password, Map<String, String> composeEnv) throws IOException, InterruptedException {
        Path start = dir.resolve("start.sh");
        Files.writeString(start, "#!/usr/bin/env bash\necho \"started with $SCHEMA_REGISTRY_OPTS\"\n");
        start.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("docker/confluent-registry/entrypoint.sh").toString())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("REGISTRY_WRITER_PASSWORD", password);
        pb.environment().put("SCHEMA_REGISTRY_AUTHENTICATION_REALM", composeEnv.get("SCHEMA_REGISTRY_AUTHENTICATION_REALM"));
        pb.environment().put("SCHEMA_REGISTRY_AUTHENTICATION_ROLES", composeEnv.get("SCHEMA_REGISTRY_AUTHENTICATION_ROLES"));
        pb.environment().put("CORRIDOR_AUTH_DIR", dir.resolve("auth").toString());
        pb.environment().put("CORRIDOR_REGISTRY_RUN", start.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private record Run(int exit, String output) {
    }

    private static ComposeFile compose() {
        try {
            return new ComposeFile(ROOT.resolve("docker-compose.yml"), ROOT.resolve(".env.example"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
