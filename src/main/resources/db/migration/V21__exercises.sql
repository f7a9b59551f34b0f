-- Tabletop exercises on a schedule (issue 16). Each exercise is one incident with exercise = true, started from a
-- scenario of the library; the schedule starts at most one per model and due period (the unique key), so a timer
-- firing twice, or a retried job, never starts a second one. Exercises started by hand have no period.
CREATE TABLE exercise (
    id                  VARCHAR(40)   NOT NULL PRIMARY KEY,
    model_id            VARCHAR(64)   NOT NULL REFERENCES model (id),
    period_key          VARCHAR(20),
    scenario_id         VARCHAR(64)   NOT NULL,
    scenario_title      VARCHAR(200)  NOT NULL,
    incident_id         VARCHAR(40)   REFERENCES incident (id),
    -- the model's owning team when the exercise started: the trend groups by it, a later move changes no history
    team                VARCHAR(200)  NOT NULL,
    source              VARCHAR(20)   NOT NULL,
    started_by          VARCHAR(64)   NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the fault experiment (AWS FIS, or simulated locally) the scenario names, and what it last reported
    fault_template      VARCHAR(64),
    fault_experiment_id VARCHAR(64),
    fault_state         VARCHAR(20),
    fault_reason        VARCHAR(512),
    fault_started_at    TIMESTAMP WITH TIME ZONE,
    fault_checked_at    TIMESTAMP WITH TIME ZONE,
    fault_ended_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_exercise_model_period UNIQUE (model_id, period_key)
);
CREATE INDEX ix_exercise_model ON exercise (model_id, started_at);
CREATE INDEX ix_exercise_started ON exercise (started_at);

-- Local mode: the simulated fault experiments (one per exercise; it "completes" a set time after its start).
CREATE TABLE simulated_fault_experiment (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    exercise_id VARCHAR(40)  NOT NULL UNIQUE,
    template_id VARCHAR(64)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    runs_for_ms BIGINT       NOT NULL
);
