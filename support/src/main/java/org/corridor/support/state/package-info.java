/**
 * Views of topics kept on local disk instead of the heap: {@link org.corridor.support.state.StateStore} (RocksDB:
 * values, and the checkpoint of the topics they were read from) and {@link org.corridor.support.state.StoreFollower}
 * (a {@link org.corridor.support.kafka.TopicFollower} that resumes from that checkpoint, or rebuilds the view when the
 * topics or the format changed). See docs/scaling.md, "State".
 */
package org.corridor.support.state;
