package org.modelgov.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modelgov.common.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What ModelGov has notified, newest first, with how far publishing each got (e.g. {@code ?publishStatus=FAILED}). */
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
                                  @RequestParam(required = false) String publishStatus,
                                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX);
        }
        return outbox.latest(modelId == null || modelId.isBlank() ? null : modelId.trim(), status(publishStatus),
                limit);
    }

    private static PublishStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PublishStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("publishStatus", "must be one of "
                    + Arrays.toString(PublishStatus.values()));
        }
    }
}
