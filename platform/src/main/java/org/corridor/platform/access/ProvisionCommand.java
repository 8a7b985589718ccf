package org.corridor.platform.access;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.broker.BrokerSecurity;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.security.Principals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code admin provision}: sets up a fresh secured cluster for a deployment (the compose file's one-shot
 * {@code provision} service): every service principal, the given agencies and all 13 bodies, with passwords taken from
 * environment variables {@code CORRIDOR_CREDENTIAL_<PRINCIPAL>} (upper case, '-' as '_'), topics with the given
 * replication. Connects as the brokers' own super user over their internal listener. Idempotent.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Provision every Corridor principal on a secured cluster from CORRIDOR_CREDENTIAL_* environment variables.")
public final class ProvisionCommand implements Callable<Integer> {

    static final String PREFIX = "CORRIDOR_CREDENTIAL_";

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, description = "the brokers' internal (SASL/PLAIN) listeners")
    String bootstrapServers;

    @Option(names = "--broker-password-env", defaultValue = "BROKER_PASSWORD",
            description = "environment variable holding the brokers' own password (${DEFAULT-VALUE})")
    String brokerPasswordEnv;

    @Option(names = "--agencies", split = ",", description = "agency ids to provision")
    List<String> agencies = new ArrayList<>();

    @Option(names = "--replication-factor", defaultValue = "3", description = "of the topics it creates (${DEFAULT-VALUE})")
    short replication;

    @Option(names = "--registry-writer-id", defaultValue = "corridor-schema-registry",
            description = "transactional id of Corridor's registry (${DEFAULT-VALUE})")
    String registryWriterId;

    private final Function<String, String> env;

    public ProvisionCommand() {
        this(System::getenv);
    }

    /** @param env where the passwords come from (the process environment, or a deployment's for a test) */
    public ProvisionCommand(Function<String, String> env) {
        this.env = env;
    }

    /** Environment variable of a principal's password. */
    static String variable(String principal) {
        return PREFIX + principal.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> bodies = List.copyOf(ReferenceData.defaults().bodyIds());
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> principals = new ArrayList<>(List.of(Principals.ADMIN, Principals.REGISTRY, Principals.ROUTER,
                Principals.MONITOR, Principals.INGEST, Principals.SUBSCRIBER, Principals.CORRELATOR));
        agencies.forEach(a -> principals.add(Principals.agency(a)));
        bodies.forEach(b -> principals.add(Principals.body(b)));
        List<String> missing = new ArrayList<>();
        for (String p : principals) {
            String value = env.apply(variable(p));
            if (value == null || value.isBlank()) {
                missing.add(variable(p));
            } else {
                passwords.put(p, value);
            }
        }
        String brokerPassword = env.apply(brokerPasswordEnv);
        if (brokerPassword == null || brokerPassword.isBlank()) {
            missing.add(0, brokerPasswordEnv);
        }
        if (!missing.isEmpty()) {
            spec.commandLine().getErr().println("corridor admin provision: missing environment variables: " + String.join(", ", missing));
            return 2;
        }
        try (Admin admin = Admin.create(new BrokerSecurity(brokerPassword).superUserClient(bootstrapServers))) {
            Provisioner p = new Provisioner(admin, 3, replication);
            p.addServices(passwords::get, registryWriterId, bodies);
            agencies.forEach(a -> p.addAgency(a, passwords.get(Principals.agency(a))));
            bodies.forEach(b -> p.addBody(b, passwords.get(Principals.body(b))));
            out.println("Provisioned " + principals.size() + " principals (" + agencies.size() + " agencies, " + bodies.size()
                    + " bodies) with their topics (replication " + replication + ") and ACLs.");
            out.flush();
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("corridor admin provision: " + e.getMessage());
            return 1;
        }
    }
}
