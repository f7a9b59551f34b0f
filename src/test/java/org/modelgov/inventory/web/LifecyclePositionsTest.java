package org.modelgov.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.modelgov.lifecycle.LifecycleState;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LifecyclePositionsTest {

    /** The elements a lifecycle can be found waiting in (getActiveActivityIds of it and the processes it calls). */
    private static final Set<String> WAIT_STATES = Set.of("userTask", "receiveTask", "intermediateCatchEvent",
            "callActivity", "eventBasedGateway", "serviceTask", "subProcess");
    /** The processes a lifecycle runs, itself or called; incident response and attestation have pages of their own. */
    private static final Set<String> LIFECYCLE_FILES = Set.of("model-lifecycle.bpmn", "model-validation.bpmn",
            "periodic-reassessment.bpmn", "challenger-test.bpmn");

    @Test
    void everyStepALifecycleCanWaitInHasAPlainPhrase() throws Exception {
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("processes"), "*.bpmn")) {
            for (Path file : files) {
                if (!LIFECYCLE_FILES.contains(file.getFileName().toString())) {
                    continue;
                }
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList all = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(
                        "http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
                for (int i = 0; i < all.getLength(); i++) {
                    Element e = (Element) all.item(i);
                    if (WAIT_STATES.contains(e.getLocalName())) {
                        seen++;
                        if (!LifecyclePositions.PHRASES.containsKey(e.getAttribute("id"))) {
                            missing.add(file.getFileName() + ": " + e.getAttribute("id"));
                        }
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void theStepInsideACalledProcessIsSaidRatherThanTheCallAndPhrasesAreNotRepeated() {
        LifecyclePositions positions = new LifecyclePositions(null);
        assertThat(positions.describe(new LifecycleState("p", false, List.of("CallActivity_Validate",
                "SubProcess_Reviews", "Task_ReviewEthics", "Task_ReviewTechnicalValidation"))))
                .isEqualTo("Waiting for an ethics reviewer's fairness review; Waiting for a validator's technical review");
        assertThat(positions.describe(new LifecycleState("p", false, List.of("Timer_ReviewDue", "Event_DriftReported"))))
                .isEqualTo("In production, until the next review or a drift report");
        assertThat(positions.describe(new LifecycleState("p", false, List.of("CallActivity_Validate"))))
                .isEqualTo("Being validated");
        assertThat(positions.describe(new LifecycleState("p", true, List.of()))).isEqualTo("ended");
        assertThat(positions.describe(null)).isEqualTo("not started");
        assertThat(positions.describe(new LifecycleState("p", false, List.of("Task_AnswerRiskQuestionnaire"))))
                .doesNotContain("Task_").isEqualTo("Waiting for the owner's risk questionnaire");
    }
}
