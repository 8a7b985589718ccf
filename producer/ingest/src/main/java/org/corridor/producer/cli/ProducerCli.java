package org.corridor.producer.cli;

import org.corridor.producer.bulk.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code corridor-producer import|token}: the agency-side commands. */
@Command(name = "corridor-producer", mixinStandardHelpOptions = true, subcommands = {ImportCommand.class, TokenCommand.class},
        description = "Agency-side commands of Corridor.")
public final class ProducerCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProducerCli()).execute(args));
    }
}
