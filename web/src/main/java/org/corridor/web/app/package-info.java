/**
 * The web app's frame: its settings, who is logged in and for which party, the security of its pages (OIDC login,
 * CSRF, Content-Security-Policy, session expiry), languages, and the home page that sends each person to their work.
 */
package org.corridor.web.app;
