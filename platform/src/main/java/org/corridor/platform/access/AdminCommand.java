package org.corridor.platform.access;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./corridor admin}: provisions agencies and bodies on a secured cluster in one idempotent step each (topic,
 * SCRAM credential, ACLs), as the admin principal of {@code data/client.properties}. A generated password is printed
 * once and kept nowhere by Corridor; running {@code add-*} again rotates it.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Provision agencies and bodies on the secured broker: topic, SCRAM credential and ACLs.",
        subcommands = {AdminCommand.AddAgency.class, AdminCommand.AddBody.class, AdminCommand.RemoveAgency.class,
            AdminCommand.RemoveBody.class, ProvisionCommand.class})
public final class AdminCommand {

    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?");

    /** Where to connect, as whom. */
    static final class Connection {
        @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}",
                description = "the platform's data directory, whose client.properties holds the admin's credentials")
        Path dataDir;

        @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka (${DEFAULT-VALUE}) when client.properties does not name it")
        String bootstrapServers;

        Admin admin() throws java.io.IOException {
            Map<String, Object> client = SecureSetup.readClientConfig(dataDir, bootstrapServers);
            return Admin.create(client);
        }
    }

    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "ID", description = "lower-case id: letters, digits, '-' and '_'")
        String id;

        @Override
        public Integer call() throws Exception {
            if (!ID.matcher(id).matches()) {
                spec.commandLine().getErr().println("corridor admin: ID \"" + id
                        + "\" must be lower-case letters, digits, '-' or '_', starting and ending with a letter or digit");
                return 2;
            }
            try (Admin admin = connection.admin()) {
                run(new Provisioner(admin, 3, (short) 1), spec.commandLine().getOut());
                return 0;
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("corridor admin: " + e.getMessage());
                return 1;
            }
        }

        abstract void run(Provisioner provisioner, PrintWriter out);

        static void printSecret(PrintWriter out, String principal, String password) {
            out.println("Password of " + principal + " (shown once; Corridor keeps no copy, run the command again to rotate it):");
            out.println("  " + password);
            out.println("Kafka client settings for it:");
            ScramClient.settings(principal, password).forEach((k, v) -> out.println("  " + k + "=" + v));
            out.flush();
        }
    }

    @Command(name = "add-agency", mixinStandardHelpOptions = true,
            description = "Create alerts.in.ID, the principal agency-ID with a new password, and its ACLs (write and read "
                    + "its own inbound topic, nothing else).")
    static final class AddAgency extends Step {
        @Override
        void run(Provisioner provisioner, PrintWriter out) {
            String password = CredentialStore.newPassword();
            provisioner.addAgency(id, password);
            out.println("Agency " + id + ": topic " + Topics.inbound(id) + ", principal " + Principals.agency(id) + ", "
                    + provisioner.acls(Principals.agency(id)).size() + " ACLs.");
            printSecret(out, Principals.agency(id), password);
        }
    }

    @Command(name = "add-body", mixinStandardHelpOptions = true,
            description = "Create alerts.feed.ID and its parked topic, the principal body-ID with a new password, and its "
                    + "ACLs (read its own feed with its own groups; receipts are the subscriber service's to write).")
    static final class AddBody extends Step {
        @Override
        void run(Provisioner provisioner, PrintWriter out) {
            String password = CredentialStore.newPassword();
            provisioner.addBody(id, password);
            provisioner.grant(AccessPlan.subscriber(java.util.List.of(id)));
            out.println("Body " + id + ": topics " + Topics.feed(id) + " and " + Topics.parked(id) + ", principal "
                    + Principals.body(id) + ", " + provisioner.acls(Principals.body(id)).size() + " ACLs.");
            printSecret(out, Principals.body(id), password);
        }
    }

    @Command(name = "remove-agency", mixinStandardHelpOptions = true,
            description = "Delete the principal agency-ID's credential and ACLs; its topic and alerts stay.")
    static final class RemoveAgency extends Step {
        @Override
        void run(Provisioner provisioner, PrintWriter out) {
            provisioner.removeAgency(id);
            out.println("Removed the credential and ACLs of " + Principals.agency(id) + "; " + Topics.inbound(id) + " is kept.");
        }
    }

    @Command(name = "remove-body", mixinStandardHelpOptions = true,
            description = "Delete the principal body-ID's credential and ACLs; its feed stays.")
    static final class RemoveBody extends Step {
        @Override
        void run(Provisioner provisioner, PrintWriter out) {
            provisioner.removeBody(id);
            out.println("Removed the credential and ACLs of " + Principals.body(id) + "; " + Topics.feed(id) + " is kept.");
        }
    }
}
