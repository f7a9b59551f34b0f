package org.modelgov.incident.sns;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;

/** Port: fetches the certificate SNS signed a message with. The verifier has already checked the URL. */
@FunctionalInterface
public interface CertificateFetcher {

    X509Certificate fetch(URI certificateUrl) throws IOException;
}
