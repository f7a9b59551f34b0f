package org.modelgov.notification;

import java.util.List;

/** Reading what the local adapter sent, newest first. */
public interface NotificationOutbox {

    List<SentNotification> latest(String modelId, int limit);
}
