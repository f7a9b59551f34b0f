package org.modelgov.validation;

import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.SecurityPosture;

/**
 * Port: the security posture of a version's deployment. Locally it is what the version declared at
 * registration; in AWS mode it is read from SageMaker (endpoint config, model, training job).
 */
public interface SecurityPostureSource {

    SecurityPosture postureOf(Model model, ModelVersion version);
}
