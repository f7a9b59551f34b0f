package org.modelgov.incident.sns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Fetches a PEM certificate over HTTP(S) with the JDK's client; TLS is checked against the JDK's trust store. */
public final class HttpCertificateFetcher implements CertificateFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            // a redirect could lead away from the SNS host the verifier checked
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public X509Certificate fetch(URI certificateUrl) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(certificateUrl).timeout(TIMEOUT).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + certificateUrl);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + certificateUrl);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("no X.509 certificate in the PEM at " + certificateUrl + ": " + e.getMessage(), e);
        }
    }
}
