/**
 * Who may do what on the broker: generated credentials kept owner-only, the ACLs of each principal (a pure plan), and
 * the provisioning that applies them, used by {@code ./corridor up} and {@code ./corridor admin}.
 */
package org.corridor.platform.access;
