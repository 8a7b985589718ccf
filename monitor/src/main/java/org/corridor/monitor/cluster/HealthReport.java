package org.corridor.monitor.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.corridor.monitor.lag.GroupStatus;

/**
 * Everything the monitor knows after one sampling round; immutable, serialized as the JSON API's answer.
 *
 * @param at            when the round was taken
 * @param windowSeconds the evaluation window
 * @param problems      what could not be read this round (an unreachable service, say); empty when all is well
 */
public record HealthReport(Instant at, long windowSeconds, List<TopicHealth> topics, List<GroupHealth> groups,
                           DeadLetters deadLetters, List<BodyState> bodies, List<Latency> latency, ReturnChannel returnChannel,
                           List<String> problems) {

    /**
     * @param kind           inbound, feed, parked, inbox, responses, dead-letters, audit, receipts (of deliveries and of
     *                       inbox deliveries), recipients, registry or other
     * @param logEndOffset   sum over partitions
     * @param records        sum of log-end minus log-start offsets (on transactional topics this counts the commit
     *                       markers too)
     * @param ratePerSecond  growth of the log-end offsets over the window
     * @param logEndHistory  the summed log-end offset at each round of the window, for sparklines
     */
    public record TopicHealth(String name, String kind, int partitions, int replicationFactor, int underReplicated,
                              int offline, long logEndOffset, long records, double ratePerSecond, List<Long> logEndHistory) {
    }

    /** One partition of a group. lagSeconds is the age of the oldest unread record (Kafka Lag Exporter's time lag). */
    public record PartitionLag(String topic, int partition, long committed, long logEnd, long lag, double lagSeconds,
                               GroupStatus status, String explanation) {
    }

    /**
     * @param state      the coordinator's group state
     * @param members    active members (0: nobody is consuming; the status still says whether that matters)
     * @param status     the worst partition status
     * @param lag        total lag in records
     * @param lagSeconds the largest partition time lag
     * @param lagHistory total lag at each round of the window, for sparklines
     */
    public record GroupHealth(String group, String state, int members, GroupStatus status, String explanation, long lag,
                              double lagSeconds, List<PartitionLag> partitions, List<Long> lagHistory) {
    }

    /**
     * @param total           dead letters on the topic
     * @param byReason        counts by reason code
     * @param growthPerMinute new dead letters per minute over the window
     * @param recent          the latest ones, newest first (headers only)
     * @param parked          parked records of all bodies
     */
    public record DeadLetters(long total, Map<String, Long> byReason, double growthPerMinute,
                              List<DeadLetterTally.Entry> recent, long parked) {
    }

    /**
     * One body's delivery state.
     *
     * @param status        the body's subscriber group status (OK when it never consumed)
     * @param feedLogEnd    log-end offset of the body's feed (includes transaction markers)
     * @param parked        records on the body's parked topic
     * @param escalated     alerts not acknowledged before their deadline
     * @param lastDelivered the last DELIVERED receipt, or null
     * @param deliveryP99   the subscribers' p99 from publication to sink confirmation, seconds, or null
     */
    public record BodyState(String body, String name, String feedTopic, String group, GroupStatus status,
                            String explanation, long feedLogEnd, long lag, double lagSeconds, long parked,
                            long delivered, long failedAttempts, long acknowledged, long escalated,
                            Instant lastDelivered, Double deliveryP99) {
    }

    /**
     * The return channel: what each party owes and was given, and how often each body reports what came of its alerts.
     *
     * @param measured  whether the agency service's counts were scraped (false: questions and feedback are unknown,
     *                  only the inbox deliveries are shown)
     * @param countedAt when the agency service last counted
     * @param parties   per party, its questions and inbox deliveries; bodies first, then agencies, each by id
     * @param feedback  per body that has alerts old enough to count
     */
    public record ReturnChannel(boolean measured, Instant countedAt, List<PartyThreads> parties, List<BodyFeedback> feedback) {
    }

    /**
     * One party of the return channel.
     *
     * @param party            as its inbox names it: {@code body-caricc}, {@code agency-tj-drug-control}
     * @param kind             {@code body} or {@code agency}
     * @param id               body id or agency id
     * @param openQuestions    a body's: questions it asked not answered yet; an agency's: questions on its alerts
     * @param overdueQuestions of those, the ones past due
     * @param inboxDelivered   responses delivered from its inbox into its file or webhook
     * @param inboxFailed      failed attempts (each tried again)
     * @param inboxRefused     responses its webhook refused
     * @param escalatedQuestions an agency's: ESCALATED receipts, one per question on its alerts found past due unanswered
     * @param lastInboxDelivery the last one delivered, or null
     */
    public record PartyThreads(String party, String kind, String id, long openQuestions, long overdueQuestions,
                               long inboxDelivered, long inboxFailed, long inboxRefused, long escalatedQuestions,
                               Instant lastInboxDelivery) {
    }

    /**
     * @param alerts      alerts delivered to the body at least the feedback age ago (the agency service's setting)
     * @param withOutcome those it reported an outcome for
     * @param rate        their share, or null when none is old enough
     */
    public record BodyFeedback(String body, long alerts, long withOutcome, Double rate) {
    }

    public Optional<GroupHealth> group(String id) {
        return groups.stream().filter(g -> g.group().equals(id)).findFirst();
    }

    /** Partitions without a leader, over all topics. */
    public int offlinePartitions() {
        return topics.stream().mapToInt(TopicHealth::offline).sum();
    }
}
