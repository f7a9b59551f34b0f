package org.modelgov.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox as a page: what was sent to whom, newest first, and what has not gone out yet or failed. */
@Controller
class NotificationPageController {

    private static final int ROWS = 200;

    private final NotificationOutbox outbox;

    NotificationPageController(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", outbox.latest(null, ROWS));
        model.addAttribute("failed", outbox.latest(null, PublishStatus.FAILED, ROWS));
        return "notifications";
    }
}
