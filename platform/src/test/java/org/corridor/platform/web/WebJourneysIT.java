package org.corridor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.launch.Service;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.corridor.platform.PlatformSettings;
import org.corridor.platform.access.CredentialStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app's journeys in a real browser on the secured platform (SASL/SCRAM, ACLs, the login service, the web
 * app), one test per journey, in order: an officer publishes, an analyst of a recipient body works the alert, the
 * officer answers, a body that is not a recipient never sees it, an operator re-drives a parked delivery; then every
 * page is called with the sessions of the other roles. The alert's summary and details carry script and
 * HTML payloads, checked to render as text on every page that shows them; axe-core runs on every page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysIT {

    /** Script and markup an agency's text might hold; every page must show them as text. */
    static final String SUMMARY = "Heroin in a cotton truck <script>window.__corridorXss=1</script>"
            + "<img src=x onerror=\"window.__corridorXss=2\">";
    static final String DETAILS = "<b id=\"injected\">bold</b> \"><svg onload=alert(1)> ' onmouseover='alert(2)";

    @TempDir
    static Path data;

    static EmbeddedPlatform platform;
    static CredentialStore people;
    static String alertPath;

    /** UNODC's deliveries go to this webhook; it fails (503) until a test lets it take them. */
    static HttpServer unodcWebhook;
    static final AtomicBoolean WEBHOOK_FAILS = new AtomicBoolean(true);
    static final List<String> WEBHOOK_TOOK = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        unodcWebhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        unodcWebhook.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = WEBHOOK_FAILS.get() ? 503 : 200;
            if (status == 200) {
                WEBHOOK_TOOK.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        unodcWebhook.start();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, Object> subscribers = Map.of(
                "corridor.subscriber.webhooks[UNODC].url", "http://127.0.0.1:" + unodcWebhook.getAddress().getPort() + "/alerts",
                "corridor.subscriber.webhooks[UNODC].secret", "whsec_" + Base64.getEncoder().encodeToString(key),
                "corridor.subscriber.webhook-max-attempts", "1");
        platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false).withWeb(),
                Map.of(Service.SUBSCRIBERS, subscribers)).start();
        people = CredentialStore.openPeople(data);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (unodcWebhook != null) {
            unodcWebhook.stop(0);
        }
    }

    private static Browser browser(String journey, String user) throws Exception {
        Browser b = new Browser(journey, data.resolve("chromium-" + journey), "en-GB");
        b.login(platform.webUrl(), user, people.existing(user).orElseThrow());
        return b;
    }

    @Test
    @Order(1)
    void anOfficerFixesTwoMistakesNamedByTheValidatorSeesTheRecipientsAndPublishes() throws Exception {
        try (Browser b = browser("officer-publishes", "officer-kz-customs")) {
            b.axe("my alerts");
            b.driver.findElement(By.linkText("New alert")).click();
            b.waitFor(By.id("summary"));
            b.axe("compose");
            new Select(b.driver.findElement(By.id("priority"))).selectByValue("URGENT");
            // A date control types in the browser's locale order; its value is ISO whatever the locale.
            b.driver.executeScript("arguments[0].value = '2026-11-20'", b.driver.findElement(By.id("occurredOn")));
            type(b, "substanceName", "heroin");
            new Select(b.driver.findElement(By.id("substanceCategory"))).selectByValue("OPIATE");
            type(b, "amount", "412.5");
            type(b, "originCountry", "AF");
            type(b, "transitCountries", "TJ");
            type(b, "eventCountry", "XX"); // mistake 1: not a country
            // mistake 2: no summary
            type(b, "destinationCountry", "RU");
            type(b, "details", DETAILS);
            new Select(b.driver.findElement(By.id("tlp"))).selectByValue("AMBER");
            type(b, "addressedTo", "CARICC");
            b.driver.findElement(By.id("publish-button")).click();

            assertThat(b.waitFor(By.id("summary-error")).getText()).isEqualTo("must not be blank");
            assertThat(b.driver.findElement(By.id("eventCountry-error")).getText())
                    .isEqualTo("\"XX\" is not an ISO 3166-1 alpha-2 code");
            assertThat(b.driver.findElement(By.id("eventCountry")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.driver.findElements(By.cssSelector(".field-error"))).hasSize(2);
            // What was typed is kept, so only the mistakes need changing.
            assertThat(b.driver.findElement(By.id("details")).getDomProperty("value")).isEqualTo(DETAILS);
            b.shot("two-mistakes");
            b.axe("compose with errors");

            type(b, "eventCountry", "KZ");
            type(b, "summary", SUMMARY);
            b.driver.findElement(By.id("preview-button")).click();
            WebElement preview = b.waitFor(By.id("preview"));
            List<String> recipients = preview.findElements(By.cssSelector(".recipients li")).stream().map(WebElement::getText).toList();
            assertThat(recipients).contains("CARICC", "UNODC").doesNotContain("EUROPOL");
            assertThat(preview.findElement(By.cssSelector(".withheld")).getText()).contains("EUROPOL: ");
            assertThat(b.driver.findElements(By.cssSelector(".field-error"))).isEmpty();
            b.shot("recipients-preview");
            b.axe("preview");

            b.driver.findElement(By.id("publish-button")).click();
            assertThat(b.waitFor(By.id("published")).getText()).startsWith("Published as version 1");
            alertPath = b.driver.getCurrentUrl().replaceFirst("^.*/officer/alerts/", "");
            assertThat(alertPath).matches("[0-9a-f-]{36}");
            // The page updates itself (no reload) as the exchange routes and delivers the alert.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !b.driver.findElements(By.cssSelector("#body-CARICC .state-DELIVERED")).isEmpty());
            assertThat(b.driver.findElement(By.id("published")).getText()).startsWith("Published as version 1");
            assertThat(b.driver.findElements(By.cssSelector("#body-EUROPOL .state-DELIVERED"))).isEmpty();
            b.shot("status-by-body");
            b.axe("alert status");
        }
    }

    @Test
    @Order(2)
    void theAnalystOfARecipientSeesItAsTextAcknowledgesAndAsksAQuestion() throws Exception {
        try (Browser b = browser("analyst-works-inbox", "analyst-caricc")) {
            WebElement link = b.waitFor(By.cssSelector("#inbox a.summary"));
            assertThat(link.getText()).isEqualTo(SUMMARY);
            b.assertNoInjectedScript();
            b.shot("inbox");
            b.axe("inbox");
            link.click();
            assertThat(b.waitFor(By.id("summary")).getText()).isEqualTo(SUMMARY);
            assertThat(b.driver.findElement(By.id("details")).getText()).isEqualTo(DETAILS);
            assertThat(b.driver.findElement(By.id("banner")).getText()).startsWith("TLP:AMBER");
            assertThat(b.driver.findElement(By.id("route")).getText()).startsWith("AF → TJ → RU");
            // The route map: origin, transit and destination coloured, the event's country marked, joined by arrows.
            WebElement map = b.driver.findElement(By.cssSelector("#route-map svg"));
            assertThat(map.findElements(By.cssSelector("path.country.origin[data-country='AF']"))).hasSize(1);
            assertThat(map.findElements(By.cssSelector("path.country.transit[data-country='TJ']"))).hasSize(1);
            assertThat(map.findElements(By.cssSelector("path.country.destination[data-country='RU']"))).hasSize(1);
            assertThat(map.findElements(By.cssSelector("path.country.event[data-country='KZ']"))).hasSize(1);
            assertThat(map.findElements(By.cssSelector("line.leg"))).hasSize(2);
            assertThat(b.driver.findElement(By.cssSelector("#route-map figcaption")).getText())
                    .contains("Afghanistan (AF): origin", "Tajikistan (TJ): transit", "Russia (RU): destination");
            b.assertNoInjectedScript();
            b.shot("alert");
            b.axe("alert");

            b.driver.findElement(By.id("ack-button")).click();
            assertThat(b.waitFor(By.id("acknowledged")).getText()).startsWith("Acknowledged");
            // The inbox now shows it acknowledged (once the subscribers have read the receipt).
            b.driver.get(platform.webUrl() + "/analyst/inbox?acknowledged=yes");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                b.driver.navigate().refresh();
                return b.driver.findElements(By.cssSelector("#inbox td.ack")).stream().anyMatch(td -> td.getText().equals("yes"));
            });
            b.driver.get(platform.webUrl() + "/analyst/inbox?acknowledged=no");
            assertThat(b.driver.findElements(By.cssSelector("#inbox a.summary"))).isEmpty();
            b.driver.navigate().back();
            b.driver.navigate().back();
            b.waitFor(By.id("r-kind"));
            new Select(b.driver.findElement(By.id("r-kind"))).selectByValue("QUESTION");
            type(b, "r-text", "Which border post, and was the cotton loaded in Kunduz?");
            b.driver.findElement(By.id("respond-button")).click();
            assertThat(b.waitFor(By.id("responded")).getText()).isEqualTo("Sent to the originator.");
            b.shot("question-sent");

            // The feed's pictures: where the seizures were, and alerts per week by category and by route country.
            b.driver.findElement(By.linkText("Trends")).click();
            b.driver.get(platform.webUrl() + "/analyst/trends?from=2026-09-01&to=2026-12-31");
            assertThat(b.waitFor(By.id("trends-total")).getText()).startsWith("1 alerts");
            assertThat(b.driver.findElements(By.cssSelector("#seizure-map circle.seizure"))).hasSize(1);
            assertThat(b.driver.findElements(By.cssSelector("#seizure-map path.country.event[data-country='KZ']"))).hasSize(1);
            assertThat(b.driver.findElement(By.cssSelector("#by-category figcaption")).getText()).isEqualTo("OPIATE: 1");
            assertThat(b.driver.findElement(By.cssSelector("#by-country figcaption")).getText())
                    .contains("AF: 1", "TJ: 1", "KZ: 1", "RU: 1");
            assertThat(b.driver.findElements(By.cssSelector("#by-category polyline.series"))).hasSize(1);
            b.assertNoInjectedScript();
            b.shot("trends");
            b.axe("trends");
        }
    }

    @Test
    @Order(3)
    void theOfficerSeesTheAcknowledgementAndTheQuestionAndAnswersIt() throws Exception {
        try (Browser b = browser("officer-answers", "officer-kz-customs")) {
            b.driver.get(platform.webUrl() + "/officer/alerts/" + alertPath);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                b.driver.navigate().refresh();
                return !b.driver.findElements(By.cssSelector("form.answer textarea")).isEmpty()
                        && !b.driver.findElements(By.cssSelector("#body-CARICC .state-ACKNOWLEDGED")).isEmpty();
            });
            b.assertNoInjectedScript();
            b.axe("alert with a question");
            WebElement answer = b.driver.findElement(By.cssSelector("form.answer textarea"));
            answer.sendKeys("Dostyk; the waybill names a Kunduz cotton mill.");
            b.driver.findElement(By.cssSelector("form.answer button")).click();
            assertThat(b.waitFor(By.id("answered")).getText()).isEqualTo("Your answer was sent.");
            b.shot("answered");
        }
    }

    @Test
    @Order(4)
    void aBodyThatIsNotARecipientNeverSeesItNotEvenByUrl() throws Exception {
        try (Browser b = browser("non-recipient", "analyst-europol")) {
            assertThat(b.driver.findElement(By.tagName("main")).getText()).doesNotContain("Heroin in a cotton truck");
            b.driver.get(platform.webUrl() + "/analyst/alerts/kz-customs/" + alertPath);
            assertThat(b.waitFor(By.id("error-status")).getText()).startsWith("There is nothing here for you");
            assertThat(b.driver.getPageSource()).doesNotContain("cotton");
            b.shot("not-found-by-url");
            b.axe("not found");
            // Nor through another role's pages.
            b.driver.get(platform.webUrl() + "/officer/alerts/" + alertPath);
            assertThat(b.driver.getPageSource()).doesNotContain("cotton").doesNotContain("CARICC");
        }
    }

    @Test
    @Order(5)
    void anOperatorSeesTheParkedDeliveryAndReDrivesIt() throws Exception {
        try (Browser b = browser("operator-redrives", "operator")) {
            assertThat(b.driver.getCurrentUrl()).endsWith("/operator");
            // UNODC's webhook refused the alert once (one attempt allowed): it is parked.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                b.driver.navigate().refresh();
                return b.driver.findElements(By.cssSelector("#body-UNODC button.redrive")).size() == 1;
            });
            assertThat(b.driver.findElement(By.cssSelector("#body-UNODC .parked")).getText()).isEqualTo("1");
            assertThat(b.driver.findElement(By.id("dead-title")).getText()).startsWith("Dead letters");
            // The monitor's dashboard inside the same login: groups with their lag over the window, topics, latency.
            assertThat(b.driver.findElements(By.cssSelector("#groups tbody tr[data-group]"))).isNotEmpty();
            assertThat(b.driver.findElements(By.cssSelector("#topics tbody tr[data-topic]"))).isNotEmpty();
            assertThat(b.driver.findElements(By.cssSelector("#latency tbody tr"))).isNotEmpty();
            assertThat(b.driver.findElements(By.cssSelector("svg.spark polyline"))).as("series drawn").isNotEmpty();
            assertThat(b.driver.getPageSource()).doesNotContain("cotton");
            b.shot("parked");
            b.axe("operator");
            WEBHOOK_FAILS.set(false);
            b.driver.findElement(By.cssSelector("#body-UNODC button.redrive")).click();
            assertThat(b.waitFor(By.id("redriven")).getText()).isEqualTo("UNODC: 1 parked deliveries delivered again, 0 parked again.");
            assertThat(WEBHOOK_TOOK).hasSize(1);
            assertThat(WEBHOOK_TOOK.get(0)).contains(alertPath);
            b.shot("redriven");
        }
    }

    /**
     * Every page of the web app, called with each role's real session and its CSRF token: another role's pages are
     * 403 (GET and POST alike), and no page of a role answers without a session but with a redirect to the login.
     */
    @Test
    @Order(9)
    void theLoginFormSpeaksRussianAndSaysWhenTheNameOrPasswordIsWrong() throws Exception {
        try (Browser b = new Browser("login-ru", data.resolve("chromium-login-ru"), "ru")) {
            b.driver.get(platform.webUrl() + "/");
            assertThat(b.waitFor(By.cssSelector("label[for=username]")).getText()).isEqualTo("Имя");
            b.driver.findElement(By.id("username")).sendKeys("analyst-caricc");
            b.driver.findElement(By.id("password")).sendKeys("not the password");
            b.driver.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(b.waitFor(By.id("login-error")).getText()).isEqualTo("Неверное имя или пароль.");
            b.axe("login error (ru)");
            b.driver.findElement(By.id("password")).sendKeys(people.existing("analyst-caricc").orElseThrow());
            b.driver.findElement(By.id("username")).clear();
            b.driver.findElement(By.id("username")).sendKeys("analyst-caricc");
            b.driver.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(b.waitFor(By.tagName("h1")).getText()).isEqualTo("CARICC: входящие");
            b.shot("inbox-ru");
            b.axe("inbox (ru)");
        }
    }

    @Test
    @Order(6)
    void everyPageRefusesThePeopleOfOtherRoles() throws Exception {
        Map<String, String[]> sessions = new LinkedHashMap<>();
        for (String user : List.of("officer-kz-customs", "analyst-caricc", "operator")) {
            try (Browser b = browser("session-" + user, user)) {
                String csrf = b.driver.findElement(By.cssSelector("header form input[name=_csrf]")).getDomAttribute("value");
                sessions.put(user, new String[] {b.driver.manage().getCookieNamed("CORRIDOR_WEB").getValue(), csrf});
            }
        }
        ConfigurableApplicationContext web = platform.contexts().stream()
                .filter(c -> platform.webUrl().endsWith(":" + c.getEnvironment().getProperty("local.server.port")))
                .findFirst().orElseThrow();
        List<String[]> pages = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : web.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> pages.add(new String[] {m.name(), pattern}));
                }
            }
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        for (String[] page : pages) {
            String path = page[1].replace("{alertId}", alertPath).replace("{agency}", "kz-customs").replace("{body}", "UNODC");
            String owner = path.startsWith("/officer") ? "officer-kz-customs" : path.startsWith("/analyst") ? "analyst-caricc"
                    : path.startsWith("/operator") ? "operator" : null;
            for (Map.Entry<String, String[]> s : sessions.entrySet()) {
                if (owner == null || owner.equals(s.getKey())) {
                    continue; // the owner's pages are walked by the journeys above (a POST would act)
                }
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(platform.webUrl() + path))
                        .header("Cookie", "CORRIDOR_WEB=" + s.getValue()[0]).header("Accept", "text/html");
                if (page[0].equals("POST")) {
                    r.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + s.getValue()[1] + "&kind=QUESTION&text=x&inReplyTo=" + alertPath));
                }
                int status = http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 403) {
                    failures.add(page[0] + " " + path + " as " + s.getKey() + ": " + status + ", expected 403");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(7)
    void theOfficerCorrectsTheAlertFromItsPublishedFormThenRetractsIt() throws Exception {
        try (Browser b = browser("officer-corrects-retracts", "officer-kz-customs")) {
            b.driver.get(platform.webUrl() + "/officer/alerts/" + alertPath);
            assertThat(b.waitFor(By.id("latest")).getText()).contains("version 1");
            b.driver.findElement(By.id("correct-link")).click();
            // The form holds what version 1 says, payloads included, as values (never as markup).
            assertThat(b.waitFor(By.id("correcting")).getText()).contains("version 1");
            assertThat(b.driver.findElement(By.id("summary")).getDomProperty("value")).isEqualTo(SUMMARY);
            assertThat(b.driver.findElement(By.id("details")).getDomProperty("value")).isEqualTo(DETAILS);
            assertThat(b.driver.findElement(By.id("amount")).getDomProperty("value")).startsWith("412.5");
            assertThat(b.driver.findElement(By.id("addressedTo")).getDomProperty("value")).isEqualTo("CARICC");
            b.axe("correct");
            type(b, "amount", "415");
            type(b, "transitCountries", "TJ, UZ");
            b.driver.findElement(By.id("preview-button")).click();
            assertThat(b.waitFor(By.id("preview")).findElements(By.cssSelector(".recipients li")).stream()
                    .map(WebElement::getText).toList()).contains("CARICC");
            b.shot("correction-preview");
            b.driver.findElement(By.id("publish-button")).click();
            assertThat(b.waitFor(By.id("corrected")).getText()).startsWith("Corrected: version 2");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    b.driver.findElement(By.cssSelector("#status caption")).getText().startsWith("Version 2"));
            b.shot("corrected");
            // The correction reaches CARICC with the new amount (a retraction, later, carries no content).
            try (Browser analyst = browser("analyst-sees-correction", "analyst-caricc")) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    analyst.driver.get(platform.webUrl() + "/analyst/alerts/kz-customs/" + alertPath);
                    assertThat(analyst.waitFor(By.tagName("main")).getText()).contains("415", "Version\n2");
                });
                analyst.shot("corrected");
            }

            type(b, "retract-reason", "The truck was a decoy; the consignment is reported under another alert.");
            b.driver.findElement(By.id("retract-button")).click();
            assertThat(b.waitFor(By.id("retracted")).getText()).startsWith("Retracted: version 3");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    b.driver.findElement(By.cssSelector("#status caption")).getText().startsWith("Version 3"));
            // A retracted alert offers neither correction nor retraction, and its correction form refuses.
            assertThat(b.driver.findElements(By.id("correct-link"))).isEmpty();
            assertThat(b.driver.findElements(By.id("retract-button"))).isEmpty();
            b.driver.get(platform.webUrl() + "/officer/alerts/" + alertPath + "/correct");
            assertThat(b.waitFor(By.id("not-correctable")).getText()).contains("cannot be corrected");
            b.shot("retracted");
            b.axe("retracted");
        }
    }

    /** An officer who reads Russian gets the validator's messages in Russian, with the values as typed. */
    @Test
    @Order(10)
    void theValidatorsMessagesAreInRussianForAnOfficerWhoReadsRussian() throws Exception {
        try (Browser b = new Browser("officer-ru", data.resolve("chromium-officer-ru"), "ru")) {
            b.login(platform.webUrl(), "officer-kz-customs", people.existing("officer-kz-customs").orElseThrow());
            b.driver.get(platform.webUrl() + "/officer/alerts/new");
            type(b, "substanceName", "героин");
            type(b, "eventCountry", "XX");
            b.driver.findElement(By.id("publish-button")).click();
            assertThat(b.waitFor(By.id("eventCountry-error")).getText()).isEqualTo("«XX» не является кодом страны ISO 3166-1 alpha-2");
            assertThat(b.driver.findElement(By.id("summary-error")).getText()).isEqualTo("не может быть пустым");
            b.shot("compose-errors-ru");
            b.axe("compose with errors (ru)");
        }
    }

    @Test
    @Order(8)
    void twoAgenciesReportsOfOneSeizureAreLinkedOnTheAnalystsPage() throws Exception {
        java.util.Map<String, String> tokens = org.corridor.platform.DemoAgencies.tokens(data);
        String kz = publish(tokens.get("kz-customs"), Path.of("..", "docs", "examples", "heroin-kz-customs.json"));
        String tj = publish(tokens.get("tj-drug-control"), Path.of("..", "docs", "examples", "heroin-tj-drug-control.json"));
        try (Browser b = browser("analyst-sees-link", "analyst-caricc")) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                b.driver.get(platform.webUrl() + "/analyst/alerts/kz-customs/" + kz);
                return !b.driver.findElements(By.cssSelector("#links a.link")).isEmpty();
            });
            WebElement link = b.driver.findElement(By.cssSelector("#links a.link"));
            assertThat(link.getDomAttribute("href")).isEqualTo("/analyst/alerts/tj-drug-control/" + tj);
            b.shot("linked");
            b.axe("alert with a link");
            link.click();
            assertThat(b.waitFor(By.cssSelector("#links a.link")).getDomAttribute("href"))
                    .isEqualTo("/analyst/alerts/kz-customs/" + kz);
        }
    }

    private static String publish(String token, Path file) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.restUrl() + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(java.nio.file.Files.readString(file))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return tools.jackson.databind.json.JsonMapper.shared().readTree(r.body()).get("alertId").asString();
    }

    private static void type(Browser b, String id, String text) {
        WebElement field = b.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
