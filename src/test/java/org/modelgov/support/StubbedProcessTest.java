package org.modelgov.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the governance process tests: the assertions use the test's own engine (the Spring tests'
 * engine lives in the same JVM) and the Spring beans are replaced by {@link LifecycleStubs}.
 */
public abstract class StubbedProcessTest {

    protected LifecycleStubs stubs;

    /** The engine of the subclass's coverage extension. */
    protected abstract ProcessEngine engine();

    @BeforeEach
    void useThisEngineAndStubs() {
        BpmnAwareTests.init(engine());
        stubs = LifecycleStubs.register();
    }

    @AfterEach
    void forgetEngineAndStubs() {
        LifecycleStubs.reset();
        BpmnAwareTests.reset();
    }
}
