package org.modelgov.incident.sns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks that an SNS message really comes from Amazon SNS, as AWS documents it ("Verifying the signatures of
 * Amazon SNS messages"): the signing certificate is fetched over HTTPS from an SNS host only, is currently
 * valid, and its key verifies the signature over the message's canonical string. Old messages are refused so
 * a captured message cannot be replayed later.
 */
public final class SnsMessageVerifier {

    /** The hosts SNS serves its signing certificates and subscription links from (global and China regions). */
    public static final String DEFAULT_TRUSTED_HOSTS = "sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?";

    private static final Pattern SNS_HOSTS = Pattern.compile(DEFAULT_TRUSTED_HOSTS);
    // SNS's clock and ours may differ a little; more than this is not skew
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final CertificateFetcher fetcher;
    private final Pattern trustedCertificateHosts;
    private final Clock clock;
    private final Duration maxMessageAge;
    // SNS signs with few certificates, and only URLs on trusted hosts get here, so the cache stays small
    private final Map<URI, X509Certificate> certificates = new ConcurrentHashMap<>();

    public SnsMessageVerifier(CertificateFetcher fetcher, Pattern trustedCertificateHosts, Clock clock,
                              Duration maxMessageAge) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.trustedCertificateHosts = Objects.requireNonNull(trustedCertificateHosts, "trustedCertificateHosts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxMessageAge = Objects.requireNonNull(maxMessageAge, "maxMessageAge");
        if (maxMessageAge.isNegative() || maxMessageAge.isZero()) {
            throw new IllegalArgumentException("maxMessageAge must be positive, was " + maxMessageAge);
        }
    }

    /** Returns quietly if the message is authentic and fresh; otherwise throws saying why it was refused. */
    public void verify(SnsMessage message) {
        // the cheap checks come first, so a forged message never makes us fetch anything
        String algorithm = algorithmFor(message.signatureVersion());
        byte[] signature = decodeSignature(message.signature());
        String stringToSign = stringToSign(message);
        checkFresh(message.timestamp());
        URI certificateUrl = checkedCertificateUrl(message.signingCertUrl());

        X509Certificate certificate = certificateAt(certificateUrl);
        checkCurrentlyValid(certificate, certificateUrl);
        if (!signatureMatches(algorithm, certificate, stringToSign, signature)) {
            throw new SnsVerificationException("the signature does not match the message: it was altered"
                    + " or not signed with the certificate at " + certificateUrl);
        }
    }

    /** Refuses a SubscribeURL that is not an HTTPS link to SNS, so confirming never calls anyone else. */
    public void checkSubscribeUrl(String url) {
        checkedSnsUrl(url, "SubscribeURL", SNS_HOSTS);
    }

    /** The canonical string SNS signs: chosen fields as "Name\nvalue\n", in this order. */
    static String stringToSign(SnsMessage m) {
        StringBuilder text = new StringBuilder();
        if (m.isNotification()) {
            append(text, "Message", m.message());
            append(text, "MessageId", m.messageId());
            if (m.subject() != null) {
                append(text, "Subject", m.subject());
            }
            append(text, "Timestamp", m.timestamp());
            append(text, "TopicArn", m.topicArn());
            append(text, "Type", m.type());
        } else if (SnsMessage.isConfirmation(m.type())) {
            append(text, "Message", m.message());
            append(text, "MessageId", m.messageId());
            append(text, "SubscribeURL", m.subscribeUrl());
            append(text, "Timestamp", m.timestamp());
            append(text, "Token", m.token());
            append(text, "TopicArn", m.topicArn());
            append(text, "Type", m.type());
        } else {
            throw new SnsVerificationException("Type '" + m.type() + "' is not an SNS message type (expected "
                    + SnsMessage.NOTIFICATION + ", " + SnsMessage.SUBSCRIPTION_CONFIRMATION + " or "
                    + SnsMessage.UNSUBSCRIBE_CONFIRMATION + ")");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        text.append(name).append('\n').append(value).append('\n');
    }

    private static String algorithmFor(String signatureVersion) {
        return switch (signatureVersion) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new SnsVerificationException(
                    "SignatureVersion '" + signatureVersion + "' is not supported (expected 1 or 2)");
        };
    }

    private static byte[] decodeSignature(String signature) {
        if (signature.isBlank()) {
            throw new SnsVerificationException("the message is not signed (Signature is empty)");
        }
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SnsVerificationException("Signature is not base64: " + e.getMessage(), e);
        }
    }

    private void checkFresh(String timestamp) {
        Instant sent;
        try {
            sent = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new SnsVerificationException("Timestamp '" + timestamp + "' is not an ISO-8601 instant", e);
        }
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(maxMessageAge))) {
            throw new SnsVerificationException("the message is too old to accept (sent " + sent
                    + ", at most " + maxMessageAge + " ago is accepted); it may be a replay");
        }
        if (sent.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new SnsVerificationException("the message's Timestamp " + sent + " is in the future");
        }
    }

    private URI checkedCertificateUrl(String url) {
        URI uri = checkedSnsUrl(url, "SigningCertURL", trustedCertificateHosts);
        if (uri.getPath() == null || !uri.getPath().endsWith(".pem")) {
            throw new SnsVerificationException("SigningCertURL " + url + " does not point to a .pem certificate");
        }
        return uri;
    }

    private static URI checkedSnsUrl(String url, String field, Pattern trustedHosts) {
        if (url == null || url.isBlank()) {
            throw new SnsVerificationException(field + " is missing");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new SnsVerificationException(field + " " + url + " is not a valid URL", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new SnsVerificationException(field + " " + url + " is not an https URL");
        }
        // user info and odd ports are never in SNS's links and only serve to disguise the real host
        if (uri.getRawUserInfo() != null || (uri.getPort() != -1 && uri.getPort() != 443)) {
            throw new SnsVerificationException(field + " " + url + " carries user info or an unusual port");
        }
        String host = uri.getHost();
        if (host == null || !trustedHosts.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            throw new SnsVerificationException(field + " " + url + " is not on a trusted SNS host");
        }
        return uri;
    }

    private X509Certificate certificateAt(URI url) {
        X509Certificate certificate;
        try {
            // computeIfAbsent: concurrent first messages signed with a new certificate fetch it once
            certificate = certificates.computeIfAbsent(url, this::fetch);
        } catch (UncheckedIOException e) {
            throw new SnsVerificationException("the signing certificate could not be fetched from " + url + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        if (certificate == null) {
            throw new SnsVerificationException("no signing certificate was found at " + url);
        }
        return certificate;
    }

    private X509Certificate fetch(URI url) {
        try {
            return fetcher.fetch(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkCurrentlyValid(X509Certificate certificate, URI url) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new SnsVerificationException("the signing certificate at " + url + " has expired ("
                    + certificate.getNotAfter().toInstant() + ")", e);
        } catch (CertificateNotYetValidException e) {
            throw new SnsVerificationException("the signing certificate at " + url + " is not valid before "
                    + certificate.getNotBefore().toInstant(), e);
        }
    }

    private static boolean signatureMatches(String algorithm, X509Certificate certificate, String stringToSign,
                                            byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length or a key of the wrong kind: not a valid signature either way
            return false;
        }
    }
}
