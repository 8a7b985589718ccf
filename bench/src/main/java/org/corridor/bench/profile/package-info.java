/** Where the router spends its time: a summary of a JFR recording's execution samples. */
package org.corridor.bench.profile;
