package org.modelgov.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.EachItem;
import org.modelgov.common.InvalidInputException;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.VersionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance gate of a team's own pipeline: a Step Functions state machine that waits with a task token
 * hands ModelGov the token and the model package; when the version's lifecycle signs it off the pipeline gets
 * SendTaskSuccess with the decision, when it rejects or retires it SendTaskFailure. Each gate is answered once.
 */
@Service
public class PipelineGateService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineGateRepository gates;
    private final PipelineCallbacks callbacks;
    private final InventoryService inventory;
    private final AuditTrail audit;
    private final Clock clock;
    private final EachItem eachItem;

    PipelineGateService(PipelineGateRepository gates, PipelineCallbacks callbacks, InventoryService inventory,
                        AuditTrail audit, Clock clock, EachItem eachItem) {
        this.gates = gates;
        this.callbacks = callbacks;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
        this.eachItem = eachItem;
    }

    /** A pipeline starts waiting on the version registered with {@code modelPackageArn}. */
    @Transactional
    public PipelineGate register(String taskToken, String modelPackageArn, Actor actor) {
        if (!inventory.mayRegister(actor)) {
            throw new AccessDeniedToActionException("Only model owners, risk officers and governance administrators"
                    + " (the pipeline's service user) may register pipeline gates");
        }
        if (taskToken == null || taskToken.isBlank() || taskToken.length() > 2048) {
            throw InvalidInputException.of("taskToken", "is required: the Step Functions task token (1 to 2048 characters)");
        }
        if (modelPackageArn == null || !modelPackageArn.contains(":model-package/")) {
            throw InvalidInputException.of("modelPackageArn", "is required: a SageMaker model package ARN");
        }
        var existing = gates.openByToken(taskToken);
        if (existing.isPresent()) {
            return existing.get(); // the same token again (a retried pipeline step)
        }
        ModelVersion version = inventory.versionsWithPackage().stream()
                .filter(v -> modelPackageArn.equals(v.modelPackageArn())).reduce((a, b) -> b)
                .orElseThrow(() -> InvalidInputException.of("modelPackageArn", "no model version in the inventory"
                        + " is registered with " + modelPackageArn + "; register the version first"));
        PipelineGate gate = new PipelineGate(UUID.randomUUID().toString(), taskToken, modelPackageArn, version.id(),
                actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS), null, null);
        gates.insert(gate);
        audit.record(actor.userId(), "PIPELINE_GATE_REGISTERED", "MODEL_VERSION", version.id(),
                Map.of("gateId", gate.id(), "modelPackageArn", modelPackageArn));
        // a version already decided answers at once
        if (version.status() == VersionStatus.APPROVED) {
            answer(version.id(), true, "already approved");
        } else if (version.status() == VersionStatus.REJECTED || version.status() == VersionStatus.RETIRED) {
            answer(version.id(), false, "version is " + version.status());
        }
        return gates.find(gate.id()).orElseThrow();
    }

    /** The lifecycle decided: every open gate of the version is answered. */
    @Transactional
    public int answer(String versionId, boolean approved, String reason) {
        List<PipelineGate> open = gates.open(versionId);
        for (PipelineGate gate : open) {
            boolean closedBefore = false;
            try {
                if (approved) {
                    callbacks.success(gate.taskToken(), decision(versionId, reason));
                } else {
                    callbacks.failure(gate.taskToken(), "ModelGov.Rejected", reason == null ? "" : reason);
                }
            } catch (TaskTokenClosedException e) {
                // a retried step whose earlier answer got through, or a pipeline that stopped waiting: the token is
                // closed either way, and asking again forever would only block the lifecycle
                closedBefore = true;
            }
            gates.answered(gate.id(), approved ? "APPROVED" : "REJECTED",
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.record("modelgov", "PIPELINE_GATE_ANSWERED", "MODEL_VERSION", versionId, Map.of("gateId", gate.id(),
                    "outcome", approved ? "APPROVED" : "REJECTED", "tokenAlreadyClosed", closedBefore));
        }
        return open.size();
    }

    /**
     * Keeps every waiting pipeline alive while people work (SendTaskHeartbeat), each gate in its own transaction:
     * a token Step Functions refuses (closed, timed out) does not stop or undo the heartbeats of the others.
     *
     * @return the gates kept alive
     */
    public int heartbeat() {
        int beaten = 0;
        for (PipelineGate gate : gates.allOpen()) {
            if (eachItem.run("Heartbeat of pipeline gate " + gate.id(), () -> {
                callbacks.heartbeat(gate.taskToken());
                gates.heartbeat(gate.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
                return true;
            })) {
                beaten++;
            }
        }
        return beaten;
    }

    private static String decision(String versionId, String reason) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", "APPROVED");
        decision.put("modelVersionId", versionId);
        decision.put("reason", reason);
        try {
            return JSON.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
