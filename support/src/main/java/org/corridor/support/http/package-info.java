/**
 * The services' HTTP security, shared: who a caller is (an agency by bearer token, a body, the operator, the metrics
 * scraper or a registry writer by HTTP basic), checked against SHA-256 tables, and the Spring Security chain every
 * service builds its own rules into. Authorisation is on the paths the dispatcher matches, never on raw URIs.
 */
package org.corridor.support.http;
