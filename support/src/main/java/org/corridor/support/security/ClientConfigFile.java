package org.corridor.support.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.corridor.support.registry.RegistryClientConfig;

/**
 * A client settings file like the ones Kafka's and Confluent's tools take with {@code --command-config}: Kafka client
 * keys and, in the same file, the schema registry keys ({@code schema.registry.url}, {@code basic.auth.*}). Written
 * owner-only because it holds credentials.
 *
 * @param kafka Kafka client settings
 * @param serde schema registry settings
 */
public record ClientConfigFile(Map<String, Object> kafka, Map<String, Object> serde) {

    private static boolean isSerde(String key) {
        return key.equals(RegistryClientConfig.URL) || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.");
    }

    /** Reads the file, splitting Kafka keys from registry keys. */
    public static ClientConfigFile load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, Object> kafka = new HashMap<>();
        Map<String, Object> serde = new HashMap<>();
        p.forEach((k, v) -> (isSerde(k.toString()) ? serde : kafka).put(k.toString(), v.toString()));
        return new ClientConfigFile(kafka, serde);
    }

    /** Writes the file with owner-only permissions (created so, never readable by others in between). */
    public void write(Path file, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            // rewritten below
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Properties p = new Properties();
        kafka.forEach((k, v) -> p.setProperty(k, v.toString()));
        serde.forEach((k, v) -> p.setProperty(k, v.toString()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, comment);
        }
    }

    /** Never prints the values. */
    @Override
    public String toString() {
        return "ClientConfigFile[kafka=" + kafka.keySet() + ", serde=" + serde.keySet() + "]";
    }
}
