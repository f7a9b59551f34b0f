package org.modelgov.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.modelgov.support.ModelGovNode;

/**
 * CPU seconds spent by the ModelGov nodes, by PostgreSQL (every process of the server on this machine) and by the
 * benchmark's own JVM between two readings, from /proc (Linux). On a machine whose cores are all busy the rate
 * says little about what more cores would give; CPU per item does: it is the cost a second node or machine shares.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    /**
     * CPU seconds at one moment; PostgreSQL per server process, because a backend that exits between two readings
     * takes its CPU with it (its last interval is lost, a small undercount, rather than subtracted).
     */
    record Reading(double nodes, Map<Long, Double> postgres, double driver) {

        Used minus(Reading earlier) {
            double database = postgres.entrySet().stream()
                    .mapToDouble(p -> p.getValue() - earlier.postgres.getOrDefault(p.getKey(), 0.0)).sum();
            return new Used(nodes - earlier.nodes, database, driver - earlier.driver);
        }
    }

    /** CPU seconds used between two readings. */
    record Used(double nodes, double postgres, double driver) {

        /** "41 + 9 + 6": milliseconds per item of the nodes, PostgreSQL and the driver. */
        String perItem(int items) {
            return String.format("%.0f + %.0f + %.0f", nodes * 1000 / items, postgres * 1000 / items,
                    driver * 1000 / items);
        }
    }

    private CpuMeter() {
    }

    static Reading read(List<ModelGovNode> nodes) {
        double nodeSeconds = nodes.stream().mapToDouble(node -> cpuSeconds(node.pid())).sum();
        Map<Long, Double> postgres = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuMeter::isPostgres).forEach(p -> {
                        long pid = Long.parseLong(p.getFileName().toString());
                        postgres.put(pid, cpuSeconds(pid));
                    });
        } catch (IOException e) {
            postgres.put(-1L, Double.NaN);
        }
        double driver = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
        return new Reading(nodeSeconds, postgres, driver);
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
        } catch (IOException e) {
            return false; // the process ended while listed
        }
    }

    /** utime + stime of a process (its own threads; a process that ended counts nothing). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which may itself hold spaces, ends with ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
