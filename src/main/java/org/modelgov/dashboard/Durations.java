package org.modelgov.dashboard;

import java.time.Duration;

/** Durations as people read them on the dashboard: "3 d 4 h", "5 h 10 min", "12 min". */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        Duration d = duration.isNegative() ? duration.negated() : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }
}
