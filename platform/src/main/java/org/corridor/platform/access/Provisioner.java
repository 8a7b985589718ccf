package org.corridor.platform.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.corridor.support.security.Principals;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.schemas.topics.Topics;

/**
 * Applies an access plan with the Admin API of a super user: SCRAM-SHA-512 credentials, ACLs and topics. Every
 * step is idempotent (an existing ACL or topic is left as it is, a credential is replaced, an ACL the plan withdrew
 * is deleted), so provisioning the same principal twice changes nothing but its password when a new one is given.
 */
public final class Provisioner {

    private static final int SCRAM_ITERATIONS = 8192;
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final int partitions;
    private final short replication;

    public Provisioner(Admin admin, int partitions, short replication) {
        this.admin = admin;
        this.partitions = partitions;
        this.replication = replication;
    }

    /** The agency's inbound topic, its responses, inbox and links topics, its credential and its ACLs. */
    public void addAgency(String agencyId, String password) {
        TopicAdmin.ensure(admin, List.of(Topics.inbound(agencyId), Topics.agencyResponses(agencyId), Topics.agencyInbox(agencyId),
                Topics.agencyLinks(agencyId)), partitions, replication);
        upsertUser(Principals.agency(agencyId), password);
        grant(AccessPlan.agency(agencyId));
    }

    /**
     * The body's feed, parked, responses, inbox and links topics, its credential and its ACLs; ACLs an earlier plan gave it and this one
     * withdraws ({@link AccessPlan#withdrawnFromBody}) are deleted.
     */
    public void addBody(String bodyId, String password) {
        TopicAdmin.ensure(admin, List.of(Topics.feed(bodyId), Topics.parked(bodyId), Topics.bodyResponses(bodyId),
                Topics.bodyInbox(bodyId), Topics.bodyLinks(bodyId)), partitions, replication);
        upsertUser(Principals.body(bodyId), password);
        call(admin.deleteAcls(AccessPlan.withdrawnFromBody(bodyId)).all());
        grant(AccessPlan.body(bodyId));
    }

    /** Removes the agency's credential and every ACL of its principal; its topic and the alerts on it stay. */
    public void removeAgency(String agencyId) {
        remove(Principals.agency(agencyId));
    }

    /** Removes the body's credential and every ACL of its principal; its feed stays. */
    public void removeBody(String bodyId) {
        remove(Principals.body(bodyId));
    }

    /**
     * Every service principal (admin, registry, router, monitor, ingest, subscriber, correlator) with its credential and ACLs.
     *
     * @param passwordOf a principal's password
     * @param bodies     the bodies whose parked topics the subscriber service writes
     */
    public void addServices(java.util.function.Function<String, String> passwordOf, String registryWriterId, List<String> bodies) {
        upsertUser(Principals.ADMIN, passwordOf.apply(Principals.ADMIN));
        addService(Principals.REGISTRY, passwordOf.apply(Principals.REGISTRY), AccessPlan.registry(registryWriterId));
        addService(Principals.ROUTER, passwordOf.apply(Principals.ROUTER), AccessPlan.router());
        addService(Principals.MONITOR, passwordOf.apply(Principals.MONITOR), AccessPlan.monitor());
        addService(Principals.INGEST, passwordOf.apply(Principals.INGEST), AccessPlan.ingest());
        addService(Principals.SUBSCRIBER, passwordOf.apply(Principals.SUBSCRIBER), AccessPlan.subscriber(bodies));
        addService(Principals.CORRELATOR, passwordOf.apply(Principals.CORRELATOR), AccessPlan.correlator());
    }

    /** A service principal: credential and ACLs. */
    public void addService(String principal, String password, List<AclBinding> acls) {
        upsertUser(principal, password);
        grant(acls);
    }

    public void upsertUser(String principal, String password) {
        call(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(principal,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password))).all());
    }

    public void grant(Collection<AclBinding> acls) {
        call(admin.createAcls(new ArrayList<>(acls)).all());
    }

    /** Every ACL that names the principal. */
    public Collection<AclBinding> acls(String principal) {
        return call(admin.describeAcls(filter(principal)).values());
    }

    private void remove(String principal) {
        try {
            call(admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(principal, ScramMechanism.SCRAM_SHA_512))).all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
        call(admin.deleteAcls(List.of(filter(principal))).all());
    }

    private static AclBindingFilter filter(String principal) {
        return new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + principal, null, AclOperation.ANY, AclPermissionType.ANY));
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
