package org.corridor.platform;

import org.corridor.consumer.audit.AuditCommand;
import org.corridor.consumer.explain.ExplainCommand;
import org.corridor.monitor.cli.StatusCommand;
import org.corridor.platform.access.AdminCommand;
import org.corridor.producer.bulk.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ./corridor}: the one entry point people type. */
@Command(name = "corridor", mixinStandardHelpOptions = true,
        description = "Corridor: a cross-agency broker for counter-narcotics trafficking alerts.",
        subcommands = {UpCommand.class, DemoCommand.class, ImportCommand.class, ExplainCommand.class,
            org.corridor.consumer.correlate.CorrelateCommand.class, org.corridor.platform.stix.StixCommand.class,
            FeedCommands.Redrive.class, FeedCommands.Replay.class, StatusCommand.class, AuditCommand.class, AdminCommand.class,
            HelpCommand.class})
public final class CorridorCli {

    public static void main(String[] args) {
        int exit = new CommandLine(new CorridorCli()).execute(args);
        if (exit != 0 || args.length == 0 || !args[0].equals("up")) {
            System.exit(exit);
        }
    }
}
