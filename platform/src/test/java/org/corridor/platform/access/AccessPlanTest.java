package org.corridor.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** What each principal may do, read as "principal operation resource-type:pattern-type:name". */
class AccessPlanTest {

    private static Set<String> rules(List<AclBinding> acls) {
        assertThat(acls).allSatisfy(a -> assertThat(a.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW));
        return acls.stream().map(a -> a.entry().principal() + " " + a.entry().operation() + " " + a.pattern().resourceType()
                + ":" + a.pattern().patternType() + ":" + a.pattern().name()).collect(Collectors.toSet());
    }

    @Test
    void anAgencyMayOnlyUseItsOwnInboundResponsesAndInboxTopics() {
        assertThat(rules(AccessPlan.agency("tj-drug-control"))).containsExactlyInAnyOrder(
                "User:agency-tj-drug-control WRITE TOPIC:LITERAL:alerts.in.tj-drug-control",
                "User:agency-tj-drug-control READ TOPIC:LITERAL:alerts.in.tj-drug-control",
                "User:agency-tj-drug-control DESCRIBE TOPIC:LITERAL:alerts.in.tj-drug-control",
                "User:agency-tj-drug-control WRITE TOPIC:LITERAL:alerts.responses.agency-tj-drug-control",
                "User:agency-tj-drug-control DESCRIBE TOPIC:LITERAL:alerts.responses.agency-tj-drug-control",
                "User:agency-tj-drug-control READ TOPIC:LITERAL:alerts.inbox.agency-tj-drug-control",
                "User:agency-tj-drug-control DESCRIBE TOPIC:LITERAL:alerts.inbox.agency-tj-drug-control",
                "User:agency-tj-drug-control READ TOPIC:LITERAL:alerts.links.agency-tj-drug-control",
                "User:agency-tj-drug-control DESCRIBE TOPIC:LITERAL:alerts.links.agency-tj-drug-control",
                "User:agency-tj-drug-control READ GROUP:PREFIXED:agency-tj-drug-control.");
    }

    @Test
    void aBodyReadsOnlyItsOwnFeedWithItsOwnGroupsAndWritesNoReceipt() {
        assertThat(rules(AccessPlan.body("PARIS_PACT"))).containsExactlyInAnyOrder(
                "User:body-paris-pact READ TOPIC:LITERAL:alerts.feed.paris-pact",
                "User:body-paris-pact DESCRIBE TOPIC:LITERAL:alerts.feed.paris-pact",
                "User:body-paris-pact READ TOPIC:LITERAL:alerts.feed.paris-pact.parked",
                "User:body-paris-pact DESCRIBE TOPIC:LITERAL:alerts.feed.paris-pact.parked",
                "User:body-paris-pact WRITE TOPIC:LITERAL:alerts.responses.body-paris-pact",
                "User:body-paris-pact DESCRIBE TOPIC:LITERAL:alerts.responses.body-paris-pact",
                "User:body-paris-pact READ TOPIC:LITERAL:alerts.inbox.body-paris-pact",
                "User:body-paris-pact DESCRIBE TOPIC:LITERAL:alerts.inbox.body-paris-pact",
                "User:body-paris-pact READ TOPIC:LITERAL:alerts.links.body-paris-pact",
                "User:body-paris-pact DESCRIBE TOPIC:LITERAL:alerts.links.body-paris-pact",
                "User:body-paris-pact READ GROUP:LITERAL:corridor-subscriber-paris-pact",
                "User:body-paris-pact READ GROUP:LITERAL:corridor-redrive-paris-pact",
                "User:body-paris-pact READ GROUP:LITERAL:corridor-replay-paris-pact",
                "User:body-paris-pact READ GROUP:PREFIXED:body-paris-pact.");
    }

    /** A receipt names a body and an alert; whoever may write one can speak for any body, so only the subscriber may. */
    @Test
    void onlyTheSubscriberServiceWritesReceipts() {
        List<AclBinding> all = new java.util.ArrayList<>();
        all.addAll(AccessPlan.agency("tj-drug-control"));
        all.addAll(AccessPlan.body("EUROPOL"));
        all.addAll(AccessPlan.router());
        all.addAll(AccessPlan.registry("corridor-schema-registry"));
        all.addAll(AccessPlan.monitor());
        all.addAll(AccessPlan.ingest());
        all.addAll(AccessPlan.subscriber(List.of("EUROPOL")));
        assertThat(all).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC
                        && (a.entry().operation() == AclOperation.WRITE || a.entry().operation() == AclOperation.ALL)
                        && covers(a, "alerts.receipts"))
                .extracting(a -> a.entry().principal()).containsExactly("User:subscriber");
    }

    /**
     * The topic a response is read from names its responder, so only that party may write it; an inbox holds what
     * the router released to its party, so only the router writes it and only that party reads it.
     */
    @Test
    void onlyThePartyWritesItsResponsesAndOnlyThePartyReadsItsInbox() {
        List<AclBinding> all = everyPlan();
        java.util.Map<String, String> owners = java.util.Map.of(
                "alerts.responses.agency-tj-drug-control", "User:agency-tj-drug-control",
                "alerts.responses.body-europol", "User:body-europol");
        owners.forEach((topic, owner) -> assertThat(all).filteredOn(a -> writes(a) && covers(a, topic))
                .extracting(a -> a.entry().principal()).as(topic).containsExactly(owner));
        java.util.Map<String, String> readers = java.util.Map.of(
                "alerts.inbox.agency-tj-drug-control", "User:agency-tj-drug-control",
                "alerts.inbox.body-europol", "User:body-europol");
        readers.forEach((topic, reader) -> {
            assertThat(all).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC && covers(a, topic)
                            && (a.entry().operation() == AclOperation.READ || a.entry().operation() == AclOperation.ALL))
                    .extracting(a -> a.entry().principal()).as(topic).containsExactly(reader);
            assertThat(all).filteredOn(a -> writes(a) && covers(a, topic))
                    .extracting(a -> a.entry().principal()).as(topic).containsExactly("User:router");
        });
    }

    /** A links topic holds what the correlator released to its party: only the correlator writes it, only the party reads it. */
    @Test
    void onlyTheCorrelatorWritesALinksTopicAndOnlyItsPartyReadsIt() {
        List<AclBinding> all = everyPlan();
        java.util.Map.of("alerts.links.agency-tj-drug-control", "User:agency-tj-drug-control",
                "alerts.links.body-europol", "User:body-europol").forEach((topic, reader) -> {
            assertThat(all).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC && covers(a, topic)
                            && (a.entry().operation() == AclOperation.READ || a.entry().operation() == AclOperation.ALL))
                    .extracting(a -> a.entry().principal()).as(topic).containsExactly(reader);
            assertThat(all).filteredOn(a -> writes(a) && covers(a, topic))
                    .extracting(a -> a.entry().principal()).as(topic).containsExactly("User:correlator");
        });
    }

    /**
     * The routed versions hold every routed alert's content: only the router writes them and only the correlator reads
     * them; the correlator reads no inbound topic and no audit.
     */
    @Test
    void onlyTheRouterWritesTheRoutedVersionsAndOnlyTheCorrelatorReadsThem() {
        List<AclBinding> all = everyPlan();
        String topic = "alerts.routed";
        assertThat(all).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC && covers(a, topic)
                        && (a.entry().operation() == AclOperation.READ || a.entry().operation() == AclOperation.ALL))
                .extracting(a -> a.entry().principal()).containsExactly("User:correlator");
        assertThat(all).filteredOn(a -> writes(a) && covers(a, topic)).extracting(a -> a.entry().principal())
                .containsExactly("User:router");
        assertThat(AccessPlan.correlator()).filteredOn(a -> a.pattern().resourceType() == ResourceType.TOPIC
                        && a.entry().operation() == AclOperation.READ)
                .extracting(a -> a.pattern().name()).containsExactlyInAnyOrder(topic, "corridor-correlator-");
        // It writes its own topics, the parties' links and, for a record it cannot read, the dead letter and summary.
        assertThat(AccessPlan.correlator()).filteredOn(AccessPlanTest::writes).extracting(a -> a.pattern().name())
                .containsExactlyInAnyOrder("alerts.correlations", "alerts.links.", "alerts.dlq", "alerts.dlq.summary",
                        "corridor-correlator-");
    }

    /** The plans of every service and of two agencies and two bodies. */
    private static List<AclBinding> everyPlan() {
        List<AclBinding> all = new java.util.ArrayList<>();
        for (String agency : List.of("tj-drug-control", "kz-customs")) {
            all.addAll(AccessPlan.agency(agency));
        }
        for (String body : List.of("EUROPOL", "UNODC")) {
            all.addAll(AccessPlan.body(body));
        }
        all.addAll(AccessPlan.router());
        all.addAll(AccessPlan.registry("corridor-schema-registry"));
        all.addAll(AccessPlan.monitor());
        all.addAll(AccessPlan.ingest());
        all.addAll(AccessPlan.subscriber(List.of("EUROPOL", "UNODC")));
        all.addAll(AccessPlan.correlator());
        return all;
    }

    private static boolean writes(AclBinding a) {
        return a.pattern().resourceType() == ResourceType.TOPIC
                && (a.entry().operation() == AclOperation.WRITE || a.entry().operation() == AclOperation.ALL);
    }

    /** A cluster provisioned before still holds the body's WRITE on the receipts: provisioning the body removes it. */
    @Test
    void theReceiptGrantsEarlierPlansGaveABodyAreWithdrawnAndNothingElse() {
        List<AclBinding> earlier = List.of(
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, "alerts.receipts", PatternType.LITERAL),
                        new AccessControlEntry("User:body-europol", "*", AclOperation.WRITE, AclPermissionType.ALLOW)),
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, "alerts.receipts", PatternType.LITERAL),
                        new AccessControlEntry("User:body-europol", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
        List<AclBindingFilter> withdrawn = AccessPlan.withdrawnFromBody("EUROPOL");
        assertThat(earlier).allMatch(a -> withdrawn.stream().anyMatch(f -> f.matches(a)));
        List<AclBinding> current = new java.util.ArrayList<>(AccessPlan.body("EUROPOL"));
        current.addAll(AccessPlan.subscriber(List.of("EUROPOL")));
        current.addAll(AccessPlan.body("UNODC"));
        assertThat(current).noneMatch(a -> withdrawn.stream().anyMatch(f -> f.matches(a)));
        AclBinding deny = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "alerts.receipts", PatternType.LITERAL),
                new AccessControlEntry("User:body-europol", "*", AclOperation.WRITE, AclPermissionType.DENY));
        assertThat(withdrawn).as("an operator's DENY stays").noneMatch(f -> f.matches(deny));
    }

    private static boolean covers(AclBinding a, String topic) {
        String name = a.pattern().name();
        return name.equals("*") || (a.pattern().patternType() == PatternType.PREFIXED ? topic.startsWith(name) : topic.equals(name));
    }

    @Test
    void theMonitorReadsNoInboundTopicAndNoFeed() {
        List<AclBinding> monitor = AccessPlan.monitor();
        assertThat(monitor.stream().filter(a -> a.entry().operation() == AclOperation.READ)
                .map(a -> a.pattern().name())).containsExactlyInAnyOrder("alerts.dlq.summary", "alerts.receipts", "alerts.inbox-receipts");
        assertThat(monitor).noneMatch(a -> a.entry().operation() == AclOperation.WRITE || a.entry().operation() == AclOperation.ALL);
    }

    @Test
    void inboxReceiptsAreWrittenOnlyByTheTwoServicesThatDeliverInboxesAndNeverByAParty() {
        java.util.Map<String, List<AclBinding>> plans = new java.util.LinkedHashMap<>();
        plans.put("router", AccessPlan.router());
        plans.put("monitor", AccessPlan.monitor());
        plans.put("ingest", AccessPlan.ingest());
        plans.put("subscriber", AccessPlan.subscriber(List.of("UNODC")));
        plans.put("agency", AccessPlan.agency("kz-customs"));
        plans.put("body", AccessPlan.body("UNODC"));
        List<String> writers = plans.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(a ->
                a.entry().operation() == AclOperation.WRITE && org.corridor.schemas.topics.Topics.INBOX_RECEIPTS.startsWith(a.pattern().name())))
                .map(java.util.Map.Entry::getKey).toList();
        assertThat(writers).containsExactlyInAnyOrder("ingest", "subscriber");
    }

    @Test
    void onlyTheRouterWritesTheAuditAndItReadsItBackForTheChainHead() {
        List<AclBinding> all = new java.util.ArrayList<>();
        all.addAll(AccessPlan.router());
        all.addAll(AccessPlan.registry("corridor-schema-registry"));
        all.addAll(AccessPlan.monitor());
        all.addAll(AccessPlan.ingest());
        all.addAll(AccessPlan.subscriber(List.of("UNODC")));
        all.addAll(AccessPlan.agency("tj-drug-control"));
        all.addAll(AccessPlan.body("UNODC"));
        assertThat(all).filteredOn(a -> a.pattern().name().equals("alerts.audit") && a.entry().operation() == AclOperation.WRITE)
                .extracting(a -> a.entry().principal()).containsExactly("User:router");
        assertThat(rules(AccessPlan.router())).contains("User:router READ TOPIC:LITERAL:alerts.audit",
                "User:router WRITE TOPIC:LITERAL:alerts.audit");
    }

    @Test
    void noPrincipalGetsAWildcardWriteOrAll() {
        List<AclBinding> all = new java.util.ArrayList<>();
        all.addAll(AccessPlan.router());
        all.addAll(AccessPlan.registry("corridor-schema-registry"));
        all.addAll(AccessPlan.monitor());
        all.addAll(AccessPlan.ingest());
        all.addAll(AccessPlan.subscriber(List.of("UNODC")));
        assertThat(all).noneMatch(a -> a.entry().operation() == AclOperation.ALL);
        assertThat(all).noneMatch(a -> a.pattern().name().equals("*") && a.entry().operation() != AclOperation.DESCRIBE);
        // Only the router writes feeds; the subscriber service writes only parked topics there.
        assertThat(all).filteredOn(a -> a.entry().operation() == AclOperation.WRITE && a.pattern().resourceType() == ResourceType.TOPIC
                        && a.pattern().name().startsWith("alerts.feed.") && a.pattern().patternType() == PatternType.PREFIXED)
                .allSatisfy(a -> assertThat(a.entry().principal()).isEqualTo("User:router"));
        assertThat(rules(AccessPlan.subscriber(List.of("UNODC")))).contains("User:subscriber WRITE TOPIC:LITERAL:alerts.feed.unodc.parked", "User:subscriber WRITE TOPIC:LITERAL:alerts.dlq")
                .doesNotContain("User:subscriber READ TOPIC:PREFIXED:alerts.feed.");
    }
}
