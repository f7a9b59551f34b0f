package org.modelgov.registry.local;

import java.util.Optional;
import org.modelgov.registry.ModelPackageCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local mode: no model registry outside ModelGov to describe packages. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
class NoPackageCatalog implements ModelPackageCatalog {

    @Override
    public Optional<PackageFacts> describe(String modelPackageArn) {
        return Optional.empty();
    }
}
