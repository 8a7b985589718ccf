package org.corridor.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

class FanoutTopicsTest {

    @Test
    void everyFanoutTopicStandsForTheCorridorTopicItCopies() {
        assertThat(FanoutTopics.feed("PARIS_PACT")).isEqualTo("bench.fanout.paris-pact");
        assertThat(FanoutTopics.original(FanoutTopics.feed("PARIS_PACT"))).isEqualTo(Topics.feed("PARIS_PACT"));
        assertThat(FanoutTopics.original(FanoutTopics.AUDIT)).isEqualTo(Topics.AUDIT);
        assertThat(FanoutTopics.original(FanoutTopics.RECIPIENTS)).isEqualTo(Topics.RECIPIENTS);
    }

    @Test
    void neverNamesARealFeed() {
        assertThat(FanoutTopics.feed("OSCE")).doesNotStartWith(Topics.FEED_PREFIX);
        assertThatThrownBy(() -> FanoutTopics.original(Topics.feed("OSCE"))).hasMessageContaining("not a fan-out topic");
    }
}
