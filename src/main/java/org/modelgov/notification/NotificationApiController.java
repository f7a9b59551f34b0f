package org.modelgov.notification;

import java.util.List;
import org.modelgov.common.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What ModelGov has notified, newest first (the local adapter's outbox). */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationApiController {

    private static final int MAX = 500;

    private final NotificationOutbox outbox;

    NotificationApiController(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<SentNotification> latest(@RequestParam(required = false) String modelId,
                                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX);
        }
        return outbox.latest(modelId == null || modelId.isBlank() ? null : modelId.trim(), limit);
    }
}
