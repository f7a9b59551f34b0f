package org.modelgov.incident.sns;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Confirms a subscription the way SNS asks: an HTTP GET of its SubscribeURL. */
final class HttpSubscriptionConfirmer implements SubscriptionConfirmer {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            // the URL was checked to be SNS's; a redirect could lead elsewhere
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public void confirm(URI subscribeUrl) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(subscribeUrl).timeout(TIMEOUT).GET().build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while confirming at " + subscribeUrl.getHost());
        }
        if (response.statusCode() != 200) {
            throw new IOException("SNS answered HTTP " + response.statusCode() + " to the confirmation");
        }
    }
}
