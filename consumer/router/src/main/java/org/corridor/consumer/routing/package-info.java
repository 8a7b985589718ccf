/**
 * Routing rules as data (a YAML file) and the pure decision of which bodies an alert concerns. No framework
 * types: a unit test needs no broker and no Spring context.
 */
package org.corridor.consumer.routing;
