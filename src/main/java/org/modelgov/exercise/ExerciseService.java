package org.modelgov.exercise;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.ConflictException;
import org.modelgov.common.EachItem;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.InvalidInputException;
import org.modelgov.common.NotFoundException;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tabletop exercises: the schedule's start of every due exercise (one transaction per model), a start by hand,
 * the fault experiment that goes with a scenario, and reading exercises with their timings and trend.
 * An exercise is an incident with exercise = true: the whole incident response runs as a dry run.
 */
@Service
public class ExerciseService {

    static final String ACTOR = "modelgov";
    static final String ENTITY = "EXERCISE";
    /** Who may start an exercise by hand, besides the model's owner. */
    static final List<String> MAY_START = List.of(GovernanceRole.INCIDENT_RESPONDER.groupId(),
            GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.CAMUNDA_ADMIN_GROUP);
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExerciseRepository exercises;
    private final ScenarioLibrary scenarios;
    private final ExerciseCadence cadence;
    private final InventoryService inventory;
    private final IncidentService incidents;
    private final ExerciseEngine engine;
    private final FaultExperiments faults;
    private final AuditTrail audit;
    private final Clock clock;
    private final EachItem eachItem;
    private final TransactionTemplate ownTransaction;

    ExerciseService(ExerciseRepository exercises, ScenarioLibrary scenarios, ExerciseCadence cadence,
                    InventoryService inventory, IncidentService incidents, ExerciseEngine engine,
                    FaultExperiments faults, AuditTrail audit, Clock clock, EachItem eachItem,
                    PlatformTransactionManager transactions) {
        this.exercises = exercises;
        this.scenarios = scenarios;
        this.cadence = cadence;
        this.inventory = inventory;
        this.incidents = incidents;
        this.engine = engine;
        this.faults = faults;
        this.audit = audit;
        this.clock = clock;
        this.eachItem = eachItem;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- the schedule ----

    /** The due period of a model, or empty when it is not due: never exercised ("first"), or the date it fell due. */
    static Optional<String> duePeriod(Optional<Period> every, Instant lastStartedAt, Instant now) {
        if (every.isEmpty()) {
            return Optional.empty();
        }
        if (lastStartedAt == null) {
            return Optional.of("first");
        }
        LocalDate due = lastStartedAt.atZone(ZoneOffset.UTC).toLocalDate().plus(every.get());
        return due.isAfter(now.atZone(ZoneOffset.UTC).toLocalDate()) ? Optional.empty() : Optional.of(due.toString());
    }

    /**
     * Starts one exercise for every critical model that is due, each in its own transaction: a model that fails
     * is logged and left for the next run, the others go on. Runs of the same period start nothing twice.
     *
     * @return the ids of the exercises started
     */
    public List<String> startDue() {
        return startDue(eachItem);
    }

    /** @param eachItem how each model's start runs on its own (inside an engine job: a command of its own) */
    public List<String> startDue(EachItem eachItem) {
        Instant now = now();
        List<String> started = new ArrayList<>();
        for (ExerciseRepository.Candidate candidate : exercises.candidates()) {
            if (candidate.riskTier() == null) {
                continue;
            }
            Optional<String> period = duePeriod(cadence.cadence(candidate.riskTier()), candidate.lastStartedAt(), now);
            if (period.isEmpty()) {
                continue;
            }
            String[] id = new String[1];
            if (eachItem.run("exercise of " + candidate.modelId(), () -> {
                if (exercises.existsForPeriod(candidate.modelId(), period.get())) {
                    return false;
                }
                id[0] = start(inventory.get(candidate.modelId()), null, period.get(), "SCHEDULE", ACTOR).id();
                return true;
            })) {
                started.add(id[0]);
            }
        }
        return started;
    }

    // ---- by hand ----

    /** An incident responder, governance administrator or the model's owner starts an exercise now. */
    @Transactional
    public Exercise startNow(String modelId, String scenarioId, Actor actor) {
        Model model = inventory.get(modelId);
        boolean owner = actor.userId().equals(model.owner());
        if (!owner && MAY_START.stream().noneMatch(actor::isIn)) {
            throw new AccessDeniedToActionException("Only incident responders, governance administrators and the"
                    + " model's owner may start an exercise on " + modelId);
        }
        Scenario scenario = null;
        if (scenarioId != null) {
            scenario = scenarios.find(scenarioId).orElseThrow(() -> InvalidInputException.of("scenario", "no"
                    + " scenario '" + scenarioId + "' in the library: one of " + scenarios.all().stream()
                    .map(Scenario::id).toList()));
        }
        if (model.status() == ModelStatus.RETIRED || model.status() == ModelStatus.REJECTED) {
            throw new ConflictException("Model " + modelId + " is " + model.status() + ": it has no response to rehearse");
        }
        return start(model, scenario, null, "API", actor.userId());
    }

    private Exercise start(Model model, Scenario chosen, String periodKey, String source, String by) {
        Scenario scenario = chosen != null ? chosen : scenarios.next(exercises.lastStartPerScenario(model.id()));
        Instant now = now();
        String id = "EX-" + ID_DATE.format(now) + "-" + HexFormat.of().withUpperCase().formatHex(randomBytes());
        String team = model.ownerTeam() != null && !model.ownerTeam().isBlank() ? model.ownerTeam()
                : "(no team: " + model.owner() + ")";
        Exercise exercise = new Exercise(id, model.id(), periodKey, scenario.id(), scenario.title(), null, team, source,
                by, now, scenario.faultTemplate(), null, null, null, null, null, null);
        exercises.insert(exercise);
        Incident incident = incidents.report(new ReportIncident(model.id(), scenario.incidentType().name(),
                scenario.briefing(), "exercise:" + id, true, source.equals("SCHEDULE") ? "SCHEDULE" : "EXERCISE",
                List.of()), by).incident();
        exercises.setIncident(id, incident.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exerciseId", id);
        details.put("incidentId", incident.id());
        details.put("scenario", scenario.id());
        details.put("period", periodKey == null ? "" : periodKey);
        details.put("faultTemplate", scenario.faultTemplate() == null ? "" : scenario.faultTemplate());
        audit.record(by, "EXERCISE_STARTED", ENTITY, model.id() + ":" + id, details);
        if (scenario.faultTemplate() != null) {
            engine.startFaultExperiment(id);
        }
        return exercises.find(id).orElseThrow();
    }

    // ---- the fault experiment (each its own asynchronous step) ----

    /**
     * Starts the scenario's fault experiment. The call comes first and is idempotent per exercise (FIS client token);
     * its id is then recorded in a transaction of its own, which nothing later can roll back.
     */
    public String startFaultExperiment(String exerciseId) {
        Exercise exercise = get(exerciseId);
        if (exercise.faultExperimentId() != null) {
            return exercise.faultExperimentId();
        }
        if (!exercise.hasFault()) {
            throw new IllegalStateException("Exercise " + exerciseId + " names no fault experiment template");
        }
        String experimentId = faults.start(exercise.faultTemplate(), exerciseId);
        ownTransaction.executeWithoutResult(status -> {
            exercises.recordFaultStart(exerciseId, experimentId, now());
            audit.record(ACTOR, "EXERCISE_FAULT_STARTED", ENTITY, exercise.modelId() + ":" + exerciseId,
                    Map.of("template", exercise.faultTemplate(), "experimentId", experimentId));
        });
        return experimentId;
    }

    /** Reads the experiment's state and records it; true once it has ended (completed, stopped, failed, cancelled). */
    public boolean checkFaultExperiment(String exerciseId) {
        Exercise exercise = get(exerciseId);
        if (exercise.faultExperimentId() == null) {
            throw new IllegalStateException("Exercise " + exerciseId + " has no fault experiment started");
        }
        FaultExperiments.State state = faults.state(exercise.faultExperimentId());
        boolean ended = state.status().ended();
        ownTransaction.executeWithoutResult(status -> {
            Instant now = now();
            exercises.recordFaultState(exerciseId, state.status(), state.reason(), now,
                    ended && exercise.faultEndedAt() == null ? now : exercise.faultEndedAt());
            if (ended && exercise.faultEndedAt() == null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("experimentId", exercise.faultExperimentId());
                details.put("state", state.status().name());
                details.put("reason", state.reason() == null ? "" : state.reason());
                audit.record(ACTOR, "EXERCISE_FAULT_ENDED", ENTITY, exercise.modelId() + ":" + exerciseId, details);
            }
        });
        return ended;
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Exercise get(String id) {
        return exercises.find(id).orElseThrow(() -> new NotFoundException("No exercise " + id));
    }

    @Transactional(readOnly = true)
    public ExerciseRepository.Timed timed(String id) {
        return exercises.findTimed(id).orElseThrow(() -> new NotFoundException("No exercise " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Exercise> ofIncident(String incidentId) {
        return exercises.findByIncident(incidentId);
    }

    @Transactional(readOnly = true)
    public List<ExerciseRepository.Timed> list(String modelId, int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return exercises.list(modelId, limit);
    }

    /** The trend over the last {@code quarters} calendar quarters (the current one included). */
    @Transactional(readOnly = true)
    public List<ExerciseTrend.Point> trend(int quarters) {
        if (quarters < 1 || quarters > 40) {
            throw InvalidInputException.of("quarters", "must be between 1 and 40");
        }
        LocalDate today = now().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        Instant since = quarterStart.minusMonths(3L * (quarters - 1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ExerciseTrend.of(exercises.since(since));
    }

    /** The steps of an exercise's fault experiment (empty without one), to show beside its incident's timeline. */
    @Transactional(readOnly = true)
    public List<org.modelgov.incident.IncidentEngine.Step> faultTimeline(String exerciseId) {
        return engine.faultTimeline(exerciseId);
    }

    public List<Scenario> scenarios() {
        return scenarios.all();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
