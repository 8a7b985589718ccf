package org.corridor.platform.access;

import org.corridor.schemas.topics.Groups;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.corridor.support.security.Principals;
import org.corridor.schemas.topics.Topics;

/**
 * The ACLs of every Corridor principal, as data: nothing is applied here. Everything not listed is denied (the broker
 * runs with {@code allow.everyone.if.no.acl.found=false}). docs/security.md shows the same table.
 */
public final class AccessPlan {

    private AccessPlan() {
    }

    /**
     * {@code agency-<id>}: write (and read back, for corrections) its own inbound topic; write its own responses and
     * read its own inbox (the return channel) and its own links topic (blind notices), with groups of its own; nothing
     * else.
     */
    public static List<AclBinding> agency(String agencyId) {
        String p = Principals.agency(agencyId);
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.inbound(agencyId), PatternType.LITERAL, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyResponses(agencyId), PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyInbox(agencyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyLinks(agencyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, p + ".", PatternType.PREFIXED), AclOperation.READ));
        return acls;
    }

    /**
     * {@code body-<id>}: read its own feed and parked records with its own groups; write its own responses and read
     * its own inbox (the return channel) and its own links topic (correlation hits). It writes no receipt: receipts are the subscriber service's alone, and a
     * body acknowledges through the subscriber's HTTP API, as itself.
     */
    public static List<AclBinding> body(String bodyId) {
        String p = Principals.body(bodyId);
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.feed(bodyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.parked(bodyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.bodyResponses(bodyId), PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, p, Topics.bodyInbox(bodyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.bodyLinks(bodyId), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        for (String group : Groups.ofBody(bodyId)) {
            acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), AclOperation.READ));
        }
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, p + ".", PatternType.PREFIXED), AclOperation.READ));
        return acls;
    }

    /**
     * What earlier plans gave {@code body-<id>} and this one takes back: any ALLOW of the body on {@code alerts.receipts}
     * (it could WRITE there, so write a receipt naming another body, an acknowledgement of an alert it never had).
     * Provisioning a body removes them, so a cluster provisioned by an earlier version loses them at the next start.
     */
    public static List<AclBindingFilter> withdrawnFromBody(String bodyId) {
        return List.of(new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, Topics.RECEIPTS, PatternType.LITERAL),
                new AccessControlEntryFilter("User:" + Principals.body(bodyId), null, AclOperation.ANY, AclPermissionType.ALLOW)));
    }

    /**
     * The router: reads every inbound and responses topic, writes feeds, inboxes, audit, routed versions (the
     * correlator's input), dead letters and recipients in transactions; reads the audit back for its hash chain's head.
     */
    public static List<AclBinding> router() {
        String p = Principals.ROUTER;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.INBOUND_PREFIX, PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.RESPONSES_PREFIX, PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.INBOX_PREFIX, PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        topic(acls, p, Topics.FEED_PREFIX, PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        for (String t : List.of(Topics.DEAD_LETTERS, Topics.DEAD_LETTER_SUMMARY, Topics.ROUTED_VERSIONS)) {
            topic(acls, p, t, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        // A new owner of an audit partition reads its last committed decision: the head its next decision names.
        topic(acls, p, Topics.AUDIT, PatternType.LITERAL, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.CREATE);
        topic(acls, p, Topics.RECIPIENTS, PatternType.LITERAL, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, Groups.ROUTER, PatternType.LITERAL), AclOperation.READ));
        ResourcePattern txn = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, Groups.ROUTER + "-", PatternType.PREFIXED);
        acls.add(allow(p, txn, AclOperation.WRITE));
        acls.add(allow(p, txn, AclOperation.DESCRIBE));
        return acls;
    }

    /**
     * The schema registry, Corridor's or Confluent's: its own topic, Corridor's writer's transactional id, and the
     * group Confluent's instances elect their leader in.
     */
    public static List<AclBinding> registry(String writerId) {
        String p = Principals.REGISTRY;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.SCHEMAS, PatternType.LITERAL, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS);
        ResourcePattern txn = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, writerId, PatternType.LITERAL);
        acls.add(allow(p, txn, AclOperation.WRITE));
        acls.add(allow(p, txn, AclOperation.DESCRIBE));
        ResourcePattern group = new ResourcePattern(ResourceType.GROUP, "schema-registry", PatternType.LITERAL);
        acls.add(allow(p, group, AclOperation.READ));
        acls.add(allow(p, group, AclOperation.DESCRIBE));
        return acls;
    }

    /**
     * The monitor: describes everything, reads only the dead letters' header-only summaries and the receipts (ids
     * and outcomes), never an inbound topic, a feed or a dead letter's bytes.
     */
    public static List<AclBinding> monitor() {
        String p = Principals.MONITOR;
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(p, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), AclOperation.DESCRIBE));
        acls.add(allow(p, new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), AclOperation.DESCRIBE));
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), AclOperation.DESCRIBE));
        topic(acls, p, Topics.DEAD_LETTER_SUMMARY, PatternType.LITERAL, AclOperation.READ);
        topic(acls, p, Topics.RECEIPTS, PatternType.LITERAL, AclOperation.READ);
        topic(acls, p, Topics.INBOX_RECEIPTS, PatternType.LITERAL, AclOperation.READ);
        return acls;
    }

    /**
     * The agency REST service's own principal: it sees the agencies' inbound, responses and inbox topics exist and
     * reads audit and receipts. It reads no inbox and writes no response: it does both as each agency.
     */
    public static List<AclBinding> ingest() {
        String p = Principals.INGEST;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.INBOUND_PREFIX, PatternType.PREFIXED, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyResponses(""), PatternType.PREFIXED, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyInbox(""), PatternType.PREFIXED, AclOperation.DESCRIBE);
        topic(acls, p, Topics.agencyLinks(""), PatternType.PREFIXED, AclOperation.DESCRIBE);
        for (String t : List.of(Topics.AUDIT, Topics.RECEIPTS)) {
            topic(acls, p, t, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        // The receipts of the agencies' inbox deliveries, which it makes as each agency and confirms as itself.
        topic(acls, p, Topics.INBOX_RECEIPTS, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        return acls;
    }

    /**
     * The subscriber service's own principal: receipts (it is the only principal that writes them), and parking each
     * served body's undeliverable records. It reads feeds only as each body.
     */
    public static List<AclBinding> subscriber(List<String> bodies) {
        String p = Principals.SUBSCRIBER;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.RECEIPTS, PatternType.LITERAL, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.CREATE);
        topic(acls, p, Topics.FEED_PREFIX, PatternType.PREFIXED, AclOperation.DESCRIBE);
        // The receipts of the bodies' inbox deliveries, which it makes as each body and confirms as itself.
        topic(acls, p, Topics.INBOX_RECEIPTS, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        for (String body : bodies) {
            topic(acls, p, Topics.parked(body), PatternType.LITERAL, AclOperation.WRITE);
        }
        // A feed record no subscriber can decode is dead-lettered with its bytes, never skipped.
        topic(acls, p, Topics.DEAD_LETTERS, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, p, Topics.DEAD_LETTER_SUMMARY, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * The correlator, a Kafka Streams application: reads only {@code alerts.routed}, the versions the router routed
     * with its decisions (so it sees every routed alert, and nothing the router refused), writes only
     * {@code alerts.correlations}, the parties' links topics ({@code alerts.links.*}, each party's share of the
     * hits) and, for a record of {@code alerts.routed} it cannot read, the dead letter and its summary; its internal topics (repartitions, changelogs), group and transactional ids all start with its
     * application id. It reads no inbound topic and no audit.
     */
    public static List<AclBinding> correlator() {
        String p = Principals.CORRELATOR;
        List<AclBinding> acls = new ArrayList<>();
        topic(acls, p, Topics.ROUTED_VERSIONS, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        topic(acls, p, Topics.CORRELATIONS, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        topic(acls, p, Topics.LINKS_PREFIX, PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        topic(acls, p, Topics.DEAD_LETTERS, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, p, Topics.DEAD_LETTER_SUMMARY, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        topic(acls, p, Groups.CORRELATOR + "-", PatternType.PREFIXED, AclOperation.READ, AclOperation.WRITE,
                AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS);
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, Groups.CORRELATOR, PatternType.LITERAL), AclOperation.READ));
        acls.add(allow(p, new ResourcePattern(ResourceType.GROUP, Groups.CORRELATOR, PatternType.LITERAL), AclOperation.DESCRIBE));
        ResourcePattern txn = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, Groups.CORRELATOR + "-", PatternType.PREFIXED);
        acls.add(allow(p, txn, AclOperation.WRITE));
        acls.add(allow(p, txn, AclOperation.DESCRIBE));
        return acls;
    }

    private static void topic(List<AclBinding> acls, String principal, String name, PatternType type, AclOperation... ops) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, name, type);
        for (AclOperation op : ops) {
            acls.add(allow(principal, pattern, op));
        }
    }

    private static AclBinding allow(String principal, ResourcePattern pattern, AclOperation op) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW));
    }
}
