-- Background jobs that run once per period across every node sharing this database (registry guard,
-- monitoring watcher, pipeline heartbeats): a node runs a job only when it takes the job's lease for the
-- current period with one conditional UPDATE. Rows are created on a job's first run.
CREATE TABLE background_job_lease (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    held_by     VARCHAR(200) NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
