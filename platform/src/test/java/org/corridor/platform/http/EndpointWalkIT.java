package org.corridor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.platform.DemoAgencies;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.PlatformSettings;
import org.corridor.platform.launch.Service;
import org.corridor.support.http.HttpParty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every HTTP endpoint of every service of the embedded platform, as the services' own handler mappings list
 * them (controllers and actuator; the monitor's static dashboard files too), so an endpoint added later cannot be
 * forgotten: {@link #rule} fails on one it does not know. For each endpoint and each variant of its path (as mapped,
 * {@code ;param}, a percent-encoded letter, a double slash, a trailing slash) it asserts 401 without credentials and
 * 403 with another party's (another body, a body on operator endpoints, the operator on a body's...), or 401 where that
 * party's kind of credential is not taken at all; a variant may instead get 400 from the firewall. Never 2xx, never 5xx.
 * Open on purpose, and named here: {@code GET /actuator/health/**} (probes), the registry's reads, lookups and
 * compatibility tests (Confluent's anonymous read-only access), the ingest's OpenAPI document.
 * Runs with {@code --insecure}: that is about Kafka, HTTP needs credentials all the same.
 */
class EndpointWalkIT {

    /**
     * PERSON: the web app's pages, for a logged-in person only: whatever the Authorization header, a caller without a
     * session is sent to the login (302, or 403 for a POST, which also lacks the session's CSRF token). Which
     * person's role opens which page is walked by WebJourneysIT with real sessions.
     */
    enum Rule { OPEN, AGENCY, OWN_AGENCY, AGENCY_OR_BODY, ANY_BODY, OWN_BODY, OPERATOR, METRICS, WRITER, PERSON }

    /** Body named in walked paths, and the body whose credentials are someone else's there. */
    private static final String BODY = "UNODC";
    private static final String OTHER_BODY = "CSTO";
    /** Agency named in walked paths, and the agency whose token is someone else's there. */
    private static final String AGENCY = "kz-customs";
    private static final String OTHER_AGENCY = "tj-drug-control";

    @TempDir
    static Path data;
    static EmbeddedPlatform platform;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Party label to its Authorization header. */
    static final Map<String, String> PARTIES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, true).withWeb()).start();
        Map<String, String> tokens = DemoAgencies.tokens(data);
        PARTIES.put("agency", "Bearer " + tokens.get(AGENCY));
        PARTIES.put("other agency", "Bearer " + tokens.get(OTHER_AGENCY));
        PARTIES.put("body " + BODY, basic(HttpParty.bodyUser(BODY), platform.httpCredentials().password(HttpParty.bodyUser(BODY))));
        PARTIES.put("body " + OTHER_BODY, basic(HttpParty.bodyUser(OTHER_BODY),
                platform.httpCredentials().password(HttpParty.bodyUser(OTHER_BODY))));
        PARTIES.put("operator", basic("operator", platform.httpCredentials().password("operator")));
        PARTIES.put("metrics", basic("metrics", platform.httpCredentials().password("metrics")));
        String writer = URI.create(platform.registryUrl()).getUserInfo();
        PARTIES.put("writer", basic("corridor", new org.corridor.platform.access.SecureSetup(
                org.corridor.platform.access.CredentialStore.open(data)).registryUserInfo().split(":", 2)[1]));
        assertThat(writer).as("clients get the registry without credentials in its URL").isNull();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Endpoint(Service service, String method, String pattern) {
    }

    @Test
    void everyEndpointNeedsTheRightPartyOnEveryPathVariant() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the walk found the services' endpoints").hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        Set<String> open = new TreeSet<>();
        for (Endpoint e : endpoints) {
            Rule rule = rule(e);
            String path = concrete(e.pattern());
            if (rule == Rule.OPEN) {
                open.add(e.service() + " " + e.method() + " " + e.pattern());
                for (String variant : variants(path)) {
                    int status = call(e, variant, null);
                    if (status >= 500) {
                        failures.add(e + " " + variant + " anonymous: " + status);
                    }
                }
                continue;
            }
            if (rule == Rule.PERSON) {
                int expected = e.method().equals("GET") ? 302 : 403;
                for (String variant : variants(path)) {
                    boolean original = variant.equals(path);
                    check(failures, e, variant, "anonymous", null, expected, original);
                    for (Map.Entry<String, String> party : PARTIES.entrySet()) {
                        check(failures, e, variant, party.getKey(), party.getValue(), expected, original);
                    }
                }
                continue;
            }
            for (String variant : variants(path)) {
                boolean original = variant.equals(path);
                check(failures, e, variant, "anonymous", null, 401, original);
                for (Map.Entry<String, String> party : PARTIES.entrySet()) {
                    Integer expected = expected(e.service(), rule, party.getKey());
                    if (expected != null) {
                        check(failures, e, variant, party.getKey(), party.getValue(), expected, original);
                    }
                }
            }
        }
        System.out.println("EndpointWalkIT: walked " + endpoints.size() + " endpoints; open on purpose: " + open);
        assertThat(open).as("open endpoints").allMatch(s -> s.contains("/actuator/health") || s.startsWith("REGISTRY")
                || s.contains("/v3/api-docs") || s.equals("LOGIN GET /login"));
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, Endpoint e, String variant, String who, String auth, int expected,
                              boolean original) throws Exception {
        int status = call(e, variant, auth);
        boolean ok = status == expected || (!original && status == 400);
        if (!ok) {
            failures.add(e.service() + " " + e.method() + " " + variant + " as " + who + ": " + status + ", expected "
                    + expected + (original ? "" : " or 400"));
        }
    }

    /** What a party gets on an endpoint it may not use, or null when it may (not called: it would act). */
    private static Integer expected(Service service, Rule rule, String party) {
        boolean bearerTaken = service == Service.INGEST || service == Service.ROUTER || service == Service.CORRELATOR;
        boolean agency = party.equals("agency") || party.equals("other agency");
        boolean known = switch (party) {
            case "agency", "other agency" -> bearerTaken;
            case "writer" -> service == Service.REGISTRY;
            default -> true;
        };
        boolean allowed = switch (rule) {
            case OPEN -> true;
            case AGENCY -> agency;
            case OWN_AGENCY -> party.equals("agency");
            case AGENCY_OR_BODY -> agency || party.startsWith("body ");
            case ANY_BODY -> party.startsWith("body ");
            case OWN_BODY -> party.equals("body " + BODY);
            case OPERATOR -> party.equals("operator");
            case METRICS -> party.equals("operator") || party.equals("metrics");
            case WRITER -> party.equals("writer");
            case PERSON -> false;
        };
        return allowed ? null : known ? 403 : 401;
    }

    /** Who may call each endpoint; an endpoint that is not here fails the walk until someone decides. */
    static Rule rule(Endpoint e) {
        String p = e.pattern();
        if (p.startsWith("/actuator/health")) {
            return Rule.OPEN;
        }
        if (p.equals("/actuator/prometheus")) {
            return Rule.METRICS;
        }
        if (p.startsWith("/actuator")) {
            return Rule.OPERATOR;
        }
        switch (e.service()) {
            case REGISTRY:
                if (e.method().equals("GET") || p.startsWith("/compatibility/")
                        || (e.method().equals("POST") && p.equals("/subjects/{subject}"))) {
                    return Rule.OPEN;
                }
                return Rule.WRITER;
            case INGEST:
                if (p.startsWith("/v3/api-docs")) {
                    return Rule.OPEN;
                }
                if (p.startsWith("/api/v1/alerts") || p.equals("/api/v1/correlation-notices") || p.equals("/taxii2/")) {
                    return Rule.AGENCY;
                }
                if (p.startsWith("/taxii2/{agency}/")) {
                    return Rule.OWN_AGENCY;
                }
                break;
            case ROUTER:
                if (p.equals("/api/v1/routing/explain")) {
                    return Rule.AGENCY_OR_BODY;
                }
                break;
            case CORRELATOR:
                if (p.equals("/api/v1/correlation/explain")) {
                    return Rule.AGENCY_OR_BODY;
                }
                break;
            case SUBSCRIBERS:
                if (p.equals("/taxii2/")) {
                    return Rule.ANY_BODY;
                }
                if (p.endsWith("/ack") || p.endsWith("/responses") || p.equals("/api/v1/feeds/{body}/correlations")
                        || p.equals("/api/v1/feeds/{body}/alerts")
                        || p.startsWith("/taxii2/{body}/") || p.startsWith("/misp/{body}/")) {
                    return Rule.OWN_BODY;
                }
                if (p.endsWith("/redrive") || p.endsWith("/replay")) {
                    return Rule.OPERATOR;
                }
                break;
            case MONITOR:
                return Rule.OPERATOR;
            case WEB:
                return Rule.PERSON;
            case LOGIN:
                if (p.equals("/login") && e.method().equals("GET")) {
                    return Rule.OPEN; // the login form itself
                }
                break;
            default:
                break;
        }
        throw new AssertionError("EndpointWalkIT has no rule for " + e + ": decide who may call it, in the service's "
                + "security configuration and here");
    }

    /** Every mapped endpoint of every service: controllers and actuator from the handler mappings, static files. */
    static List<Endpoint> endpoints() throws Exception {
        Map<Integer, Service> byPort = new java.util.HashMap<>();
        platform.endpoints().forEach((s, uri) -> byPort.put(uri.getPort(), s));
        Map<Service, Set<Endpoint>> found = new EnumMap<>(Service.class);
        for (ConfigurableApplicationContext c : platform.contexts()) {
            Service service = byPort.get(Integer.valueOf(c.getEnvironment().getProperty("local.server.port")));
            Set<Endpoint> set = found.computeIfAbsent(service, s -> new LinkedHashSet<>());
            for (RequestMappingInfoHandlerMapping mapping : c.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (pattern.equals("/error")) {
                            continue; // Spring Boot's error page: reached only by an error dispatch
                        }
                        if (methods.isEmpty()) {
                            set.add(new Endpoint(service, "GET", pattern));
                        }
                        methods.forEach(m -> set.add(new Endpoint(service, m.name(), pattern)));
                    }
                }
            }
            // One class path for all services in this JVM: the dashboard is the monitor's (elsewhere deny-by-default).
            for (Resource r : service == Service.MONITOR ? c.getResources("classpath:static/*") : new Resource[0]) {
                set.add(new Endpoint(service, "GET", "/" + r.getFilename()));
                set.add(new Endpoint(service, "GET", "/"));
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrder(Service.values());
        List<Endpoint> all = new ArrayList<>();
        found.values().forEach(all::addAll);
        return all;
    }

    static String concrete(String pattern) {
        return pattern.replace("{body}", BODY).replace("{agency}", AGENCY).replace("{alertId}", "0b5e4d8a-3c1f-4d2e-9a7b-6c5d4e3f2a1b")
                .replace("{subject}", "walk-value").replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", "1");
    }

    /** The path as mapped, then {@code ;x}, an encoded letter, {@code //} and a trailing slash. */
    static List<String> variants(String path) {
        List<String> v = new ArrayList<>(List.of(path));
        if (path.equals("/")) {
            v.add("/;x");
            v.add("//");
            return v;
        }
        int second = path.indexOf('/', 1);
        v.add(second < 0 ? path + ";x" : path.substring(0, second) + ";x" + path.substring(second));
        int last = path.lastIndexOf('/') + 1;
        if (last < path.length() && Character.isLetter(path.charAt(last))) {
            v.add(path.substring(0, last) + String.format("%%%02X", (int) path.charAt(last)) + path.substring(last + 1));
        }
        v.add(second < 0 ? "/" + path : path.substring(0, second) + "/" + path.substring(second));
        v.add(path + "/");
        return v;
    }

    static int call(Endpoint e, String path, String authorization) throws Exception {
        URI base = platform.endpoint(e.service());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        boolean withBody = e.method().equals("POST") || e.method().equals("PUT");
        b.method(e.method(), withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
