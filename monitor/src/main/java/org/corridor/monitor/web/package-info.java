/** The monitor's HTTP side: the JSON API, the Actuator health and the dashboard's static page. */
package org.corridor.monitor.web;
