package org.corridor.consumer.router;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.corridor.consumer.audit.AuditNotOwnedException;
import org.corridor.consumer.isolation.FailureKind;

/**
 * Classifies why a routing transaction failed, by the exception types of its cause chain. Fencing, a lost group
 * membership, refused credentials and an audit this instance may not write alone ({@link AuditNotOwnedException},
 * which only a rebalance mends) are {@link FailureKind#FATAL}: the batch goes back to the container. Anything
 * retriable by Kafka's own account (timeouts, leader changes, too few replicas) is the cluster's failure:
 * {@link FailureKind#RETRIABLE}. Everything else (a record too large, an invalid record, a feed topic this router may
 * not write) is {@link FailureKind#REJECTED}: something in the batch, which splitting can isolate.
 */
final class KafkaFailures {

    private KafkaFailures() {
    }

    static FailureKind classify(Throwable failure) {
        boolean retriable = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof FencedInstanceIdException
                    || t instanceof OutOfOrderSequenceException || t instanceof CommitFailedException
                    || t instanceof IllegalGenerationException || t instanceof UnknownMemberIdException
                    || t instanceof RebalanceInProgressException || t instanceof AuthenticationException
                    || (t instanceof AuthorizationException && !(t instanceof TopicAuthorizationException))
                    || t instanceof AuditNotOwnedException) {
                return FailureKind.FATAL;
            }
            if (t instanceof InterruptException || t instanceof InterruptedException) {
                return FailureKind.FATAL;
            }
            if (t instanceof RetriableException) {
                retriable = true;
            }
        }
        return retriable ? FailureKind.RETRIABLE : FailureKind.REJECTED;
    }
}
