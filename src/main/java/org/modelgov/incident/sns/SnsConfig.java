package org.modelgov.incident.sns;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the SNS endpoint to the real certificate fetcher and confirmer; hosts and message age can be overridden. */
@Configuration
class SnsConfig {

    @Bean
    SnsMessageVerifier snsMessageVerifier(
            @Value("${modelgov.sns.trusted-certificate-hosts:" + SnsMessageVerifier.DEFAULT_TRUSTED_HOSTS + "}")
            String trustedCertificateHosts,
            @Value("${modelgov.sns.max-message-age:PT1H}") Duration maxMessageAge,
            CertificateFetcher snsCertificateFetcher, Clock clock) {
        return new SnsMessageVerifier(snsCertificateFetcher, Pattern.compile(trustedCertificateHosts), clock,
                maxMessageAge);
    }

    @Bean
    CertificateFetcher snsCertificateFetcher() {
        return new HttpCertificateFetcher();
    }

    @Bean
    SubscriptionConfirmer snsSubscriptionConfirmer() {
        return new HttpSubscriptionConfirmer();
    }
}
