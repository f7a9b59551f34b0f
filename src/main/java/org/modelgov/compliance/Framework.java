package org.modelgov.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A regulatory framework as read from its file: where it comes from, when its parts apply, its requirements,
 * and which file (name, version, SHA-256) it was read from, so a report can say what it was measured against.
 *
 * @param scope the model scope flag that turns it on: {@code EU}, {@code NYC_EMPLOYMENT}, {@code US_BANK}, or
 *              {@code ALL} (every model)
 */
public record Framework(String id, String title, String fileVersion, String scope, String sourceDocument,
                        LocalDate sourceDate, String sourceUrl, Map<String, ApplicationDate> dates,
                        List<Amendment> amendments, List<Requirement> requirements, String fileName,
                        String sha256) {

    public static final List<String> SCOPES = List.of("ALL", "EU", "NYC_EMPLOYMENT", "US_BANK");

    public Framework {
        dates = Map.copyOf(dates);
        amendments = List.copyOf(amendments);
        requirements = List.copyOf(requirements);
    }

    /** A named date from which parts of the framework apply. */
    public record ApplicationDate(String key, LocalDate date, String what) {
    }

    /**
     * A later change to the dates. Its dates count only when {@code inForce}: a proposal or an act not yet
     * published changes nothing, and the file says which it is in {@code status}.
     */
    public record Amendment(String id, String title, String status, boolean inForce, Map<String, LocalDate> changes) {

        public Amendment {
            changes = Map.copyOf(changes);
        }
    }

    /** The date from which the key applies, after the amendments in force. */
    public LocalDate dateOf(String key) {
        LocalDate date = dates.get(key).date();
        for (Amendment a : amendments) {
            if (a.inForce() && a.changes().containsKey(key)) {
                date = a.changes().get(key);
            }
        }
        return date;
    }
}
