/**
 * The embedded platform's login service: an OpenID Connect provider (Spring Authorization Server) for the web app,
 * with the demo people and the party each acts for. Production runs an identity provider of its own (Keycloak).
 */
package org.corridor.web.login;
