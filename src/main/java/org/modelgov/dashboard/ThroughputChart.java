package org.modelgov.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.modelgov.audit.AuditLog;

/**
 * Lifecycle throughput per month as a grouped bar chart, laid out here and drawn as inline SVG by the template
 * (no JavaScript). Each bar links to the audit events it counts.
 */
public record ThroughputChart(List<Month> months, long max, List<Bar> bars, List<Tick> ticks) {

    /** What is counted: the inventory's own decision records, one audit event per version. */
    public enum Outcome {
        APPROVED("MODEL_VERSION_APPROVED", "Approved"),
        REJECTED("MODEL_VERSION_REJECTED", "Rejected"),
        RETIRED("MODEL_VERSION_RETIRED", "Retired");

        private final String action;
        private final String label;

        Outcome(String action, String label) {
            this.action = action;
            this.label = label;
        }

        public String action() {
            return action;
        }

        public String label() {
            return label;
        }
    }

    public static final int WIDTH = 760;
    public static final int HEIGHT = 240;
    static final int LEFT = 36;
    static final int TOP = 12;
    static final int BOTTOM = 40;
    static final int BAR = 12;

    /** One month with its counts and where its bars and label sit. */
    public record Month(YearMonth month, long approved, long rejected, long retired, double labelX) {

        public String label() {
            return month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + (month.getYear() % 100);
        }

        public LocalDate from() {
            return month.atDay(1);
        }

        public LocalDate to() {
            return month.atEndOfMonth();
        }

        public long of(Outcome outcome) {
            return switch (outcome) {
                case APPROVED -> approved;
                case REJECTED -> rejected;
                case RETIRED -> retired;
            };
        }
    }

    /** One bar: its geometry and the audit list behind it. */
    public record Bar(Outcome outcome, YearMonth month, long count, double x, double y, double height, String href) {

        public String title() {
            return count + " " + outcome.label().toLowerCase(Locale.ROOT) + " in " + month;
        }
    }

    /** A horizontal grid line with its value. */
    public record Tick(long value, double y) {
    }

    public static List<String> actions() {
        return java.util.Arrays.stream(Outcome.values()).map(Outcome::action).toList();
    }

    public static String auditLink(Outcome outcome, YearMonth month) {
        return "/audit?action=" + outcome.action() + "&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
    }

    static ThroughputChart of(List<AuditLog.MonthlyCount> counts) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - LEFT) / (double) Math.max(1, counts.size());
        long max = 1;
        for (AuditLog.MonthlyCount c : counts) {
            for (Outcome o : Outcome.values()) {
                max = Math.max(max, c.of(o.action()));
            }
        }
        List<Month> months = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            AuditLog.MonthlyCount c = counts.get(i);
            double groupLeft = LEFT + i * slot + (slot - 3 * BAR) / 2;
            months.add(new Month(c.month(), c.of(Outcome.APPROVED.action()), c.of(Outcome.REJECTED.action()),
                    c.of(Outcome.RETIRED.action()), LEFT + i * slot + slot / 2));
            Outcome[] outcomes = Outcome.values();
            for (int k = 0; k < outcomes.length; k++) {
                long n = c.of(outcomes[k].action());
                double h = n == 0 ? 0 : Math.max(2, plotHeight * n / max);
                bars.add(new Bar(outcomes[k], c.month(), n, round(groupLeft + k * BAR), round(TOP + plotHeight - h),
                        round(h), auditLink(outcomes[k], c.month())));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (long v : new long[] {0, (max + 1) / 2, max}) {
            if (ticks.isEmpty() || ticks.get(ticks.size() - 1).value() != v) {
                ticks.add(new Tick(v, round(TOP + plotHeight - plotHeight * v / max)));
            }
        }
        return new ThroughputChart(months, max, bars, ticks);
    }

    public int width() {
        return WIDTH;
    }

    public List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }

    public double baseline() {
        return HEIGHT - BOTTOM;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
