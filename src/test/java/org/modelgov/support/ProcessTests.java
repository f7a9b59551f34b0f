package org.modelgov.support;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The engine for process tests: in-memory, no Spring, with path coverage asserted per test class. */
public final class ProcessTests {

    private ProcessTests() {
    }

    public static ProcessEngineCoverageExtension engineWithFullCoverage() {
        return engineWithCoverageAtLeast(1.0);
    }

    /** @param otherProcesses processes the test deploys but whose coverage other classes own */
    public static ProcessEngineCoverageExtension engineWithCoverageAtLeast(double coverage, String... otherProcesses) {
        return (ProcessEngineCoverageExtension) new ProcessEngineCoverageExtension.Builder()
                .configurationResource("camunda-process-test.cfg.xml")
                .assertClassCoverageAtLeast(coverage)
                .excludeProcessDefinitionKeys(otherProcesses)
                .build();
    }

    /** Runs every asynchronous continuation (not timers) until none is left, as the job executor would. */
    public static void runAsyncSteps() {
        for (int guard = 0; guard < 100; guard++) {
            List<Job> jobs = BpmnAwareTests.managementService().createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(BpmnAwareTests::execute);
        }
        throw new IllegalStateException("asynchronous steps keep coming: a loop in the process?");
    }
}
