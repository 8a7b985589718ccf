package org.corridor.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.corridor.producer.rest.AgencyTokens;

/**
 * The agencies the embedded platform lets publish, with their bearer tokens. Tokens are generated on first start and
 * kept in {@code <data>/agency-tokens.properties} with owner-only permissions; the REST service is given only their
 * hashes, and the banner shows the file's path, never a token.
 */
public final class DemoAgencies {

    /** An agency of the embedded platform. */
    public record Agency(String id, String country, String name) {
    }

    public static final List<Agency> AGENCIES = List.of(
            new Agency("tj-drug-control", "TJ", "Drug Control Agency of Tajikistan"),
            new Agency("kz-customs", "KZ", "State Revenue Committee (Customs) of Kazakhstan"),
            new Agency("be-customs", "BE", "Belgian Customs and Excise (Antwerp)"),
            new Agency("me-police", "ME", "Police Administration of Montenegro"),
            new Agency("de-bka", "DE", "Bundeskriminalamt"),
            new Agency("nl-police", "NL", "Netherlands Police"),
            new Agency("rs-police", "RS", "Ministry of Interior of Serbia"));

    static final String FILE = "agency-tokens.properties";

    private DemoAgencies() {
    }

    /** Agency id to token, created (and stored with 0600) on first use. */
    public static Map<String, String> tokens(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
        }
        boolean changed = false;
        for (Agency a : AGENCIES) {
            if (!props.containsKey(a.id())) {
                props.setProperty(a.id(), AgencyTokens.newToken());
                changed = true;
            }
        }
        if (changed) {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "Corridor agency bearer tokens (secret). One line per agency id.");
            }
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        AGENCIES.forEach(a -> tokens.put(a.id(), props.getProperty(a.id())));
        return tokens;
    }
}
