/** The producer's command line: {@code import} and {@code token}. */
package org.corridor.producer.cli;
