package org.modelgov.benchmark;

import org.modelgov.support.Api;
import org.modelgov.support.HttpLifecycle;

/**
 * The baselines the lifecycle is compared with: processes with the same wait states and nothing else, deployed
 * at run time by the governance administrator (kept out of src/test/resources: nodes started from the test class
 * path would deploy every *.bpmn found there).
 */
final class BareProcesses {

    /** Like the lifecycle from its start to the risk questionnaire: one async continuation, then a user task. */
    static final String START_KEY = "BenchBareStart";
    static final String START_TASK = "Task_BareWait";

    /**
     * Like the in-production lifecycle from its review timer to the reassessment decision: the timer job, one async
     * continuation, then a user task.
     */
    static final String TIMER_KEY = "BenchBareTimer";
    static final String TIMER_ACTIVITY = "Timer_BareDue";
    static final String TIMER_TASK = "Task_BareDecide";

    private static final String START = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchBareStart"
                targetNamespace="https://modelgov.org/benchmark">
              <bpmn:process id="BenchBareStart" name="Benchmark: bare start" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Bare" />
                <bpmn:serviceTask id="Task_BareAsync" camunda:asyncBefore="true" camunda:expression="${true}" />
                <bpmn:userTask id="Task_BareWait" name="Wait" camunda:assignee="owner" />
                <bpmn:endEvent id="EndEvent_Bare" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Bare" targetRef="Task_BareAsync" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_BareAsync" targetRef="Task_BareWait" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_BareWait" targetRef="EndEvent_Bare" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static final String TIMER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchBareTimer"
                targetNamespace="https://modelgov.org/benchmark">
              <bpmn:process id="BenchBareTimer" name="Benchmark: bare timer" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Bare" />
                <bpmn:intermediateCatchEvent id="Timer_BareDue">
                  <bpmn:timerEventDefinition id="TimerDef_BareDue">
                    <bpmn:timeDate>${dueAt}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:serviceTask id="Task_BareAsync" camunda:asyncBefore="true" camunda:expression="${true}" />
                <bpmn:userTask id="Task_BareDecide" name="Decide" camunda:candidateGroups="risk-officers" />
                <bpmn:endEvent id="EndEvent_Bare" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Bare" targetRef="Timer_BareDue" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer_BareDue" targetRef="Task_BareAsync" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_BareAsync" targetRef="Task_BareDecide" />
                <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_BareDecide" targetRef="EndEvent_Bare" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    static void deployStart(Api admin) {
        deploy(admin, "bench-bare-start.bpmn", START);
    }

    static void deployTimer(Api admin) {
        deploy(admin, "bench-bare-timer.bpmn", TIMER);
    }

    private static void deploy(Api admin, String resource, String xml) {
        Api.Response deployed = admin.multipart("/engine-rest/deployment/create",
                Api.Part.field("deployment-name", resource), Api.Part.field("deploy-changed-only", "true"),
                Api.Part.file("data", resource, xml.strip()));
        HttpLifecycle.expect(deployed, 200);
    }
}
