/**
 * What the embedded platform launches: each service with its application class, port and settings, and the check that
 * binds settings given from outside against the configuration metadata, so a misspelt key stops the start by name.
 */
package org.corridor.platform.launch;
