-- Issue 16: what each production variant of an endpoint did, posted to ModelGov's API in local mode, for the
-- champion/challenger A/B stage (AWS mode reads the same metrics from CloudWatch instead). One row per variant,
-- metric and instant: posting the same instant again replaces the value, so a retried upload counts once. The
-- primary key, in this column order, is also the index of the stage's window query (one variant's metric between
-- two instants). metric_value, not value: VALUE is a keyword in H2.
CREATE TABLE variant_metric_sample (
    endpoint_name VARCHAR(63)      NOT NULL,
    variant_name  VARCHAR(63)      NOT NULL,
    metric        VARCHAR(210)     NOT NULL,
    sampled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    metric_value  DOUBLE PRECISION NOT NULL,
    posted_by     VARCHAR(64)      NOT NULL,
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (endpoint_name, variant_name, metric, sampled_at)
);
