package org.corridor.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.HttpCredentials;
import org.corridor.support.http.HttpParty;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Operator commands on a body's feed, through the subscribers' API. */
final class FeedCommands {

    private FeedCommands() {
    }

    /** POSTs as the operator, whose password {@code ./corridor up} keeps in the data directory. */
    static int post(CommandSpec spec, Path dataDir, String url) throws Exception {
        String user = HttpParty.OPERATOR_USER;
        var password = CredentialStore.open(dataDir).existing(HttpCredentials.key(user));
        if (password.isEmpty()) {
            spec.commandLine().getErr().println("corridor: no operator credentials in " + dataDir.resolve(CredentialStore.FILE)
                    + "; start the platform with ./corridor up --data-dir " + dataDir + " first");
            return 1;
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        (r.statusCode() < 300 ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(r.body());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return r.statusCode() < 300 ? 0 : 1;
    }

    /** {@code redrive BODY}: delivers the body's parked alerts again. */
    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = "Deliver a body's parked alerts again (those its endpoint could not take).")
    static final class Redrive implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BODY", description = "body id, such as UNODC")
        String body;

        @Option(names = "--subscriber-url", defaultValue = "http://localhost:8083", description = "subscribers (${DEFAULT-VALUE})")
        String url;

        @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}", description = "the platform's data directory (operator credentials)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            return post(spec, dataDir, url + "/api/v1/feeds/" + body + "/redrive");
        }
    }

    /** {@code replay BODY --from TIME}: delivers the body's feed again from a time. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Deliver a body's feed again from a time; receivers de-duplicate with the idempotency key.")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BODY", description = "body id, such as UNODC")
        String body;

        @Option(names = "--from", required = true, description = "ISO-8601 instant, such as 2026-11-27T00:00:00Z")
        String from;

        @Option(names = "--subscriber-url", defaultValue = "http://localhost:8083", description = "subscribers (${DEFAULT-VALUE})")
        String url;

        @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}", description = "the platform's data directory (operator credentials)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            return post(spec, dataDir, url + "/api/v1/feeds/" + body + "/replay?from=" + from);
        }
    }
}
