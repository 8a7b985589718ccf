package org.corridor.consumer.linking;

import java.util.List;

import org.corridor.consumer.correlation.Report;

/**
 * A routed version entering and leaving blocking keys of one shard: one record per shard a version touches, carrying
 * the report once for all its keys there (instead of once per key). Either way the version is compared with the
 * keys' other reports, so a correction that no longer shares a key with an alert still tells the pair.
 *
 * @param shard    which shard ({@link Blocks#shard}); the record goes to the by-shard partition of that number
 * @param entering keys of this shard the version is filed under
 * @param leaving  keys of this shard its previous version was filed under and it no longer is
 */
record ShardOp(int shard, Report report, List<String> entering, List<String> leaving) {

    ShardOp {
        entering = List.copyOf(entering);
        leaving = List.copyOf(leaving);
    }
}
