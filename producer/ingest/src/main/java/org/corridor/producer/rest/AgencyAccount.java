package org.corridor.producer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * An agency allowed to publish through REST.
 *
 * @param id          agency id, the lowercase slug of its inbound topic
 * @param country     ISO 3166-1 alpha-2 code
 * @param name        human-readable name, written into each alert's originAgency
 * @param tokenSha256 SHA-256 (hex) of the agency's bearer token; the token itself is never stored
 * @param kafkaPassword the SCRAM password of the agency's Kafka principal {@code agency-<id>}, when the broker is
 *                    secured: the service then publishes as the agency itself, so the broker's ACLs bound what a
 *                    request can reach; null on a plaintext broker
 */
public record AgencyAccount(
        @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?") String id,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @NotBlank String name,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits (SHA-256 of the token)")
        String tokenSha256,
        String kafkaPassword) {


    /** Never prints the token hash. */
    @Override
    public String toString() {
        return "AgencyAccount[id=" + id + ", country=" + country + ", name=" + name + "]";
    }
}
