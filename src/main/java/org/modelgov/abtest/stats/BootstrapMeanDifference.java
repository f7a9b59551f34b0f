package org.modelgov.abtest.stats;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/**
 * A percentile bootstrap of the difference in means, candidate − baseline: each resample draws both samples again
 * with replacement (independently, each its own size). Deterministic for evidence: the generator is
 * {@link java.util.Random}, whose algorithm the Java API specifies, seeded from a SHA-256 of the inputs, so the
 * same data always gives the same interval and p-value, on any JVM.
 *
 * <ul>
 *   <li>the interval is the (α/2, 1 − α/2) percentiles of the resampled differences (linear interpolation between
 *       order statistics, as NumPy's default {@code percentile});</li>
 *   <li>the one-sided p-value of "the candidate's mean is higher" is (1 + #{d* ≤ 0}) / (B + 1): the share of
 *       resamples that show no increase, never 0 (Davison &amp; Hinkley 1997, eq. 4.11, for a Monte Carlo p-value);
 *       for "lower", (1 + #{d* ≥ 0}) / (B + 1).</li>
 * </ul>
 */
public final class BootstrapMeanDifference {

    public static final int DEFAULT_RESAMPLES = 10_000;

    private BootstrapMeanDifference() {
    }

    public static Result test(double[] baseline, double[] candidate, boolean higherIsTested, int resamples,
                              double confidence) {
        if (baseline.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1, got " + confidence);
        }
        long seed = seed(baseline, candidate, resamples);
        Random random = new Random(seed);
        double[] differences = new double[resamples];
        int noIncrease = 0;
        int noDecrease = 0;
        for (int b = 0; b < resamples; b++) {
            double d = resampledMean(candidate, random) - resampledMean(baseline, random);
            differences[b] = d;
            if (d <= 0) {
                noIncrease++;
            }
            if (d >= 0) {
                noDecrease++;
            }
        }
        Arrays.sort(differences);
        double alpha = 1 - confidence;
        double observed = mean(candidate) - mean(baseline);
        int extreme = higherIsTested ? noIncrease : noDecrease;
        return new Result(observed, percentile(differences, alpha / 2), percentile(differences, 1 - alpha / 2),
                (1.0 + extreme) / (resamples + 1.0), resamples, seed);
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double resampledMean(double[] values, Random random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    /** NumPy's default ('linear') percentile of sorted values, q in [0, 1]. */
    static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    /** The first 8 bytes of SHA-256 over both samples' sizes and values (IEEE bits) and the resample count. */
    static long seed(double[] baseline, double[] candidate, int resamples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8 * (baseline.length + candidate.length) + 12);
            buffer.putInt(baseline.length).putInt(candidate.length).putInt(resamples);
            for (double v : baseline) {
                buffer.putDouble(v);
            }
            for (double v : candidate) {
                buffer.putDouble(v);
            }
            return ByteBuffer.wrap(sha.digest(buffer.array())).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * @param difference the observed candidate − baseline difference in means
     * @param lower      the interval's lower bound
     * @param upper      the interval's upper bound
     * @param pValue     the one-sided Monte Carlo p-value of the direction tested
     * @param seed       the generator's seed (derived from the inputs), for reproduction
     */
    public record Result(double difference, double lower, double upper, double pValue, int resamples, long seed) {
    }
}
