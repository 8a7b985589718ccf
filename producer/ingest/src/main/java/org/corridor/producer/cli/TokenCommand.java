package org.corridor.producer.cli;

import java.util.concurrent.Callable;

import org.corridor.producer.rest.AgencyTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code token --agency ID}: makes a new agency token and prints it once with the hash to configure. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Generate a bearer token for an agency. Give the token to the agency; configure only its hash.")
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agency", required = true, description = "agency id")
    String agency;

    @Override
    public Integer call() {
        String token = AgencyTokens.newToken();
        var out = spec.commandLine().getOut();
        out.println("token (shown once, give it to " + agency + "): " + token);
        out.println("configure: corridor.ingest.agencies[n].id=" + agency);
        out.println("           corridor.ingest.agencies[n].token-sha256=" + AgencyTokens.hash(token));
        out.flush();
        return 0;
    }
}
