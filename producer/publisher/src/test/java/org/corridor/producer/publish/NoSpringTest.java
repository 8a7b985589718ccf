package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Agencies embed the publisher library in their own systems, whatever framework those use: depending on it must not
 * bring Spring. What it brings is its compile and runtime dependencies, transitively; the build lists them
 * ({@code maven-dependency-plugin:list} with {@code includeScope=runtime}, in {@code generate-test-resources}) into
 * {@code target/runtime-dependencies.txt}, which this test reads. The test classpath does hold Spring: the integration
 * tests start the real registry server. The build's enforcer rule ({@code bannedDependencies}) says the same from the
 * dependency tree.
 */
class NoSpringTest {

    private static final Path LIST = Path.of(System.getProperty("basedir", "."), "target", "runtime-dependencies.txt");

    @Test
    void theRuntimeDependenciesHoldNoSpringArtifact() throws IOException {
        List<String> artifacts = runtimeDependencies();
        assertThat(artifacts).as("the list is the library's real tree, read from " + LIST)
                .contains("org.apache.kafka:kafka-clients", "org.apache.avro:avro", "org.corridor:schemas",
                        "com.github.ben-manes.caffeine:caffeine");
        assertThat(artifacts).as("Spring artifacts in the runtime dependencies of the publisher")
                .noneMatch(artifact -> artifact.startsWith("org.springframework"));
    }

    @Test
    void theListLeavesOutTestScope() throws IOException {
        // The registry server and JUnit are on the test classpath only; were they listed, Spring would be too.
        assertThat(runtimeDependencies()).doesNotContain("org.corridor:registry", "org.junit.jupiter:junit-jupiter-api");
    }

    /** groupId:artifactId of each line such as {@code "   org.apache.avro:avro:jar:1.12.1:compile -- module ..."}. */
    private static List<String> runtimeDependencies() throws IOException {
        assertThat(LIST).as("written by maven-dependency-plugin:list in generate-test-resources; run the test with Maven")
                .isRegularFile();
        return Files.readAllLines(LIST).stream().map(String::strip).filter(line -> line.matches("[^\\s:]+:[^\\s:]+:\\S+.*"))
                .map(line -> {
                    String[] parts = line.split("[:\\s]");
                    return parts[0] + ":" + parts[1];
                }).toList();
    }
}
