package org.modelgov.inventory;

import java.util.List;
import java.util.Optional;

/** Port: where the inventory is kept. */
public interface ModelRepository {

    boolean exists(String modelId);

    void insert(Model model);

    /** Reads the model and locks its row until the transaction ends (serialises changes to one model). */
    Optional<Model> findForUpdate(String modelId);

    Optional<Model> find(String modelId);

    Optional<Model> findByEndpoint(String endpointName);

    void update(Model model);

    PageOf<Model> search(ModelQuery query);

    int highestVersionNumber(String modelId);

    boolean versionLabelExists(String modelId, String label);

    void insertVersion(ModelVersion version);

    /** Writes a version's status and validation inputs (the rest of a version never changes). */
    void updateVersion(ModelVersion version);

    List<ModelVersion> versions(String modelId);

    Optional<ModelVersion> version(String versionId);

    List<ModelVersion> versionsWithStatus(VersionStatus status);

    /** Versions registered with a SageMaker model package ARN. */
    List<ModelVersion> versionsWithPackage();
}
