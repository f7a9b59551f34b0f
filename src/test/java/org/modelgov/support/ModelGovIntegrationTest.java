package org.modelgov.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full ModelGov on a random port with demo users. Every integration test uses exactly this, so
 * they all share one Spring context. The database is in-memory H2 unless the run selects another
 * (e.g. SPRING_PROFILES_ACTIVE=postgres with MODELGOV_DB_URL: the same tests on PostgreSQL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Spring Boot's tests switch metrics export off unless asked: the Prometheus endpoint is part of what is tested
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "modelgov.demo-data=true",
        "modelgov.h2-location=mem:modelgov-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "modelgov.demo-data-dir=${java.io.tmpdir}/modelgov-test-demo-data",
        "modelgov.datasets.roots=${java.io.tmpdir}/modelgov-test-datasets,${modelgov.demo-data-dir}",
        // small upload limits so a test can exceed them cheaply (production: 512MB per file)
        "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=3MB",
        // below the per-file limit, so the data set size cap (production: 512MB) answers first
        "modelgov.datasets.limits.max-total-size=1536KB"
})
public @interface ModelGovIntegrationTest {
}
