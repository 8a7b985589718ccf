package org.corridor.bench.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.corridor.support.security.ClientConfigFile;

/**
 * What a running platform's data directory tells a load tool: the admin client settings ({@code client.properties}),
 * the agencies and their REST tokens ({@code agency-tokens.properties}) and, on a secured broker, each principal's
 * password ({@code credentials.properties}; empty when absent).
 */
public record PlatformFiles(ClientConfigFile client, Properties tokens, Properties credentials) {

    public static PlatformFiles load(Path dataDir) throws IOException {
        Path credentials = dataDir.resolve("credentials.properties");
        return new PlatformFiles(ClientConfigFile.load(dataDir.resolve("client.properties")),
                properties(dataDir.resolve("agency-tokens.properties")),
                Files.exists(credentials) ? properties(credentials) : new Properties());
    }

    /** The agencies, sorted. */
    public List<String> agencies() {
        return tokens.stringPropertyNames().stream().sorted().toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
