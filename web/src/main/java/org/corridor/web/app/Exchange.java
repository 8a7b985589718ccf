package org.corridor.web.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Calls the exchange's HTTP APIs as a party: an agency with its bearer token, a body with its HTTP basic credentials.
 * The party is always the logged-in person's (the controllers pass it from the session, never from a request
 * parameter), so the exchange's own checks (routing, ACLs, markings) bound what a page can show or do.
 * Thread-safe.
 */
@Component
public class Exchange {

    /** What a service answered: its status and JSON body (an empty object when it sent none or no JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebProperties settings;
    private final RestClient http;

    Exchange(WebProperties settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** A call to the agency REST service as that agency. */
    public Answer asAgency(String agency, String method, String path, String json) {
        WebProperties.Agency a = settings.agency(agency).orElse(null);
        if (a == null) {
            return unavailable("no credentials of agency " + agency + " are configured in the web app");
        }
        return call(settings.ingestUrl(), method, path, json, "Bearer " + a.token());
    }

    /** A call to the router (explain) as that agency. */
    public Answer explainAsAgency(String agency, String json) {
        WebProperties.Agency a = settings.agency(agency).orElse(null);
        if (a == null) {
            return unavailable("no credentials of agency " + agency + " are configured in the web app");
        }
        return call(settings.routerUrl(), "POST", "/api/v1/routing/explain", json, "Bearer " + a.token());
    }

    /** The agency as alerts name it ({@code agencyId}, {@code country}, {@code name}), or null when not configured. */
    public tools.jackson.databind.node.ObjectNode agency(String agency) {
        WebProperties.Agency a = settings.agency(agency).orElse(null);
        return a == null ? null : JsonNodeFactory.instance.objectNode().put("agencyId", agency).put("country", a.country())
                .put("name", a.name());
    }

    /** A call to the subscribers as that body. */
    public Answer asBody(String body, String method, String path, String json) {
        String password = settings.bodies().get(body);
        if (password == null) {
            return unavailable("no credentials of body " + body + " are configured in the web app");
        }
        String basic = Base64.getEncoder().encodeToString(("body-" + body + ":" + password).getBytes(StandardCharsets.UTF_8));
        return call(settings.subscribersUrl(), method, path, json, "Basic " + basic);
    }

    /** A call to the monitor as the operator. */
    public Answer monitorAsOperator(String path) {
        if (settings.monitorUrl() == null || settings.operatorPassword() == null) {
            return unavailable("the monitor is not configured in the web app");
        }
        return call(settings.monitorUrl(), "GET", path, null, operatorBasic());
    }

    /** A call to the subscribers as the operator (re-drive). */
    public Answer subscribersAsOperator(String method, String path) {
        if (settings.operatorPassword() == null) {
            return unavailable("no operator credentials are configured in the web app");
        }
        return call(settings.subscribersUrl(), method, path, null, operatorBasic());
    }

    private String operatorBasic() {
        return "Basic " + Base64.getEncoder().encodeToString(("operator:" + settings.operatorPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Answer call(URI base, String method, String path, String json, String authorization) {
        try {
            RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(base.resolve(path))
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(json);
            }
            return request.exchange((req, res) -> {
                byte[] bytes = res.getBody().readAllBytes();
                JsonNode body;
                try {
                    body = bytes.length == 0 ? JsonNodeFactory.instance.objectNode() : JSON.readTree(bytes);
                } catch (RuntimeException notJson) {
                    body = JsonNodeFactory.instance.objectNode().put("detail", new String(bytes, StandardCharsets.UTF_8));
                }
                return new Answer(res.getStatusCode().value(), body);
            });
        } catch (RestClientException e) {
            return unavailable("the exchange could not be reached: " + e.getMessage());
        }
    }

    private static Answer unavailable(String why) {
        return new Answer(503, JsonNodeFactory.instance.objectNode().put("detail", why));
    }
}
