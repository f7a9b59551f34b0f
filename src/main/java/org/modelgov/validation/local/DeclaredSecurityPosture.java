package org.modelgov.validation.local;

import org.modelgov.inventory.Model;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.validation.SecurityPostureSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local mode: the posture the version declared at registration. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class DeclaredSecurityPosture implements SecurityPostureSource {

    @Override
    public SecurityPosture postureOf(Model model, ModelVersion version) {
        return version.validation().securityPosture();
    }
}
