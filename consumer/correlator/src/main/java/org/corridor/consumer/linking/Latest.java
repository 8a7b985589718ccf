package org.corridor.consumer.linking;

import java.util.Set;

/** The latest routed version of an alert and the blocking keys it is filed under. */
record Latest(int version, Set<String> blocks) {

    Latest {
        blocks = Set.copyOf(blocks);
    }
}
