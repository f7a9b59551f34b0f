package org.modelgov.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The engine for process tests: in-memory, no Spring, and every test class must cover its whole process. */
public final class ProcessTests {

    private ProcessTests() {
    }

    public static ProcessEngineCoverageExtension engineWithFullCoverage() {
        return new ProcessEngineCoverageExtension.Builder()
                .configurationResource("camunda-process-test.cfg.xml")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
