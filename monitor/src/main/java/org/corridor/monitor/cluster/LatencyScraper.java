package org.corridor.monitor.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches the router's, subscribers' and agency service's {@code /actuator/prometheus} pages and extracts end-to-end
 * latency and the return channel's counts ({@link ScrapedThreads}). A
 * service that does not answer is reported, not fatal.
 */
public final class LatencyScraper {

    /** What one scrape found: the latencies, the return channel's counts and the addresses that did not answer, with why. */
    public record Result(List<Latency> latencies, ScrapedThreads threads, List<String> errors) {

        public Result(List<Latency> latencies, List<String> errors) {
            this(latencies, ScrapedThreads.NONE, errors);
        }
    }

    private final List<URI> urls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LatencyScraper(List<URI> urls) {
        this.urls = List.copyOf(urls);
    }

    public Result scrape() {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (URI withUser : urls) {
            // user:password in the URL (the metrics scraper's) goes into the Authorization header, never into a message.
            URI url = withoutUserInfo(withUser);
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET();
                if (withUser.getRawUserInfo() != null) {
                    request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            withUser.getUserInfo().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    samples.addAll(PrometheusText.parse(response.body()));
                } else {
                    errors.add(url + ": HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                errors.add(url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(url + ": interrupted");
            }
        }
        return new Result(Latency.from(samples), ScrapedThreads.from(samples), errors);
    }

    static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        return URI.create(url.toString().replaceFirst("//[^@/]*@", "//"));
    }
}
