/**
 * The routing service and the regional subscribers that deliver each body's feed. Packages by feature: rules
 * ({@code routing}), markings ({@code policy}), the Kafka service ({@code router}), {@code explain}, {@code metrics}.
 * Never imports {@code org.corridor.producer}.
 */
package org.corridor.consumer;
