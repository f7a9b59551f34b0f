package org.modelgov.notification;

import java.util.List;

/** Reading the outbox, newest first. */
public interface NotificationOutbox {

    /**
     * @param modelId null for every model
     * @param status  null for every publish status
     */
    List<SentNotification> latest(String modelId, PublishStatus status, int limit);

    default List<SentNotification> latest(String modelId, int limit) {
        return latest(modelId, null, limit);
    }
}
