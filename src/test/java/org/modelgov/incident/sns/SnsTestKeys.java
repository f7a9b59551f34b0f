package org.modelgov.incident.sns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real RSA key pairs and self-signed certificates made with the JDK's keytool, as SNS's would be: one valid
 * for 30 days from now, one that expired 8 days ago. Made once per test JVM (keytool takes about a second).
 */
final class SnsTestKeys {

    record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {

        String pem() {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyAndCertificate valid;
    private static KeyAndCertificate expired;

    private SnsTestKeys() {
    }

    static synchronized KeyAndCertificate valid() {
        if (valid == null) {
            // valid since yesterday: a test clock read a moment before the certificate is made still falls inside
            valid = generate("-startdate", "-1d", "-validity", "30");
        }
        return valid;
    }

    static synchronized KeyAndCertificate expired() {
        if (expired == null) {
            expired = generate("-startdate", "-10d", "-validity", "2");
        }
        return expired;
    }

    private static KeyAndCertificate generate(String... validity) {
        try {
            Path dir = Files.createTempDirectory("sns-keys");
            Path keystore = dir.resolve("sns.p12");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=sns.amazonaws.com", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
            command.addAll(List.of(validity));
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            } finally {
                // the key pair lives on in memory; the keystore file is not needed any more
                Files.deleteIfExists(keystore);
                Files.deleteIfExists(dir);
            }
            return new KeyAndCertificate((PrivateKey) store.getKey("sns", PASSWORD),
                    (X509Certificate) store.getCertificate("sns"));
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not make a test key pair", e);
        }
    }
}
