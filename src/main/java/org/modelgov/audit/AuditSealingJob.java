package org.modelgov.audit;

import java.time.Duration;
import org.modelgov.background.BackgroundJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seals the audit log once per {@code modelgov.audit.seal-interval} across the cluster: the interval bounds how
 * long an event stays unsealed (and so editable without a trace, like a transparency log's maximum merge delay).
 * The lease only saves work; two sealers at once are safe ({@link AuditSealer}).
 */
@Configuration(proxyBeanMethods = false)
class AuditSealingJob {

    @Bean
    BackgroundJob auditSealerJob(AuditSealer sealer,
                                 @Value("${modelgov.audit.seal-interval:PT1S}") Duration interval) {
        return new BackgroundJob("audit-sealer", interval, interval, sealer::sealPending);
    }
}
