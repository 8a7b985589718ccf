package org.corridor.producer.publish;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.RetriableException;

/** Classifies a send failure as retriable or fatal by the type of its cause. */
final class Failures {

    private Failures() {
    }

    static PublishException classify(String what, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        boolean retriable = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                retriable = true;
                break;
            }
        }
        return new PublishException(what + " failed (" + (retriable ? "retriable" : "fatal") + "): " + cause.getMessage(),
                cause, retriable);
    }
}
