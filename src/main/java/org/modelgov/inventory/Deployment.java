package org.modelgov.inventory;

/**
 * Where a model runs: a SageMaker endpoint name and/or a model package ARN. Either may be absent
 * (a model not yet deployed has neither).
 */
public record Deployment(String endpointName, String modelPackageArn) {

    public static final Deployment NONE = new Deployment(null, null);
}
