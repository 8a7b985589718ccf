package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Agencies embed the publisher library in their own systems, whatever framework those use: depending on it must not
 * bring Spring. The test classpath holds the library's runtime dependencies plus the test tools, so a Spring artifact
 * reaching the library (directly or through {@code schemas}) shows up here. The build's enforcer rule
 * ({@code bannedDependencies}) says the same from the dependency tree.
 */
class NoSpringTest {

    @Test
    void noSpringClassIsOnTheClasspath() {
        List<String> scanned = classpath();
        assertThat(entriesHolding("org/apache/kafka/clients/producer/KafkaProducer.class", scanned))
                .as("the scan sees the library's real classpath (kafka-clients)").isNotEmpty();
        assertThat(entriesHolding("org/springframework/", scanned)).as("classpath entries holding org/springframework/").isEmpty();
    }

    @Test
    void springCoreCannotBeLoaded() {
        assertThatThrownBy(() -> Class.forName("org.springframework.core.SpringVersion"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /** Surefire puts the test classpath in these properties (java.class.path may be just its manifest jar). */
    private static List<String> classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("surefire.test.class.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return new ArrayList<>(entries);
    }

    private static List<String> entriesHolding(String prefix, List<String> classpath) {
        return classpath.stream().filter(entry -> holds(Path.of(entry), prefix)).toList();
    }

    private static boolean holds(Path entry, String prefix) {
        try {
            if (Files.isDirectory(entry)) {
                Path inside = entry.resolve(prefix);
                return Files.exists(inside);
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile()); Stream<String> names = jar.stream().map(e -> e.getName())) {
                    return names.anyMatch(name -> name.startsWith(prefix));
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath entry " + entry, e);
        }
    }
}
