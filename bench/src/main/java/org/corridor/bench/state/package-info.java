/** JMH: the cost of a view kept on disk ({@link org.corridor.support.state.StateStore}) against a heap map. */
package org.corridor.bench.state;
