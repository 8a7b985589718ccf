/** The complete example program of docs/api.md, compiled and run against a broker by the tests. */
package org.corridor.producer.publish.example;
