package org.modelgov.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: where incidents are kept. */
public interface IncidentRepository {

    void insert(Incident incident);

    Optional<Incident> find(String id);

    /** Reads and locks the incident until the transaction ends. */
    Optional<Incident> findForUpdate(String id);

    /** The open incident raised by this external source (alarm) on this model, if any. */
    Optional<Incident> findOpenByExternalId(String modelId, String externalId);

    List<Incident> list(String modelId, IncidentStatus status, int limit);

    /** Writes the given columns (by their names in {@link Incident}) of one incident. */
    void update(String id, Map<String, Object> changes);

    void addOccurrence(String id, int occurrence, Instant receivedAt, String source, String detail);
}
