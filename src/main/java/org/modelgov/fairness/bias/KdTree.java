package org.modelgov.fairness.bias;

/**
 * A k-d tree over points in m dimensions for exact k-nearest-neighbour queries by Euclidean
 * distance. Built once in O(n log n) (median split on the widest dimension); a query visits only the
 * cells that can still hold a point nearer than the k-th best so far.
 *
 * <p>Equal distances are broken by the smaller point id, so results are deterministic.
 */
final class KdTree {

    private static final int LEAF_SIZE = 8;

    private final int dims;
    private final double[] coords; // point i (in tree order) at [i * dims, (i + 1) * dims)
    private final int[] ids;
    private final byte[] splitDim;

    /**
     * @param points row-major coordinates, {@code points.length = n * dims}
     * @param ids    the caller's id of each point (used for tie-breaking and returned by queries)
     */
    KdTree(double[] points, int[] ids, int dims) {
        this.dims = dims;
        this.coords = points.clone();
        this.ids = ids.clone();
        this.splitDim = new byte[ids.length];
        build(0, ids.length);
    }

    int size() {
        return ids.length;
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF_SIZE) {
            return;
        }
        int dim = widestDimension(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, dim);
        splitDim[mid] = (byte) dim;
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widestDimension(int lo, int hi) {
        int best = 0;
        double bestSpread = -1;
        for (int d = 0; d < dims; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = coords[i * dims + d];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = d;
            }
        }
        return best;
    }

    /** Quickselect: afterwards the point at {@code k} has points with coordinate ≤ before it and ≥ after it. */
    private void select(int left, int right, int k, int dim) {
        while (right > left) {
            double pivot = coords[((left + right) >>> 1) * dims + dim];
            int i = left;
            int j = right;
            while (i <= j) {
                while (coords[i * dims + dim] < pivot) {
                    i++;
                }
                while (coords[j * dims + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        for (int d = 0; d < dims; d++) {
            double t = coords[a * dims + d];
            coords[a * dims + d] = coords[b * dims + d];
            coords[b * dims + d] = t;
        }
    }

    /** The ids of the k points nearest to {@code query} (fewer when the tree is smaller), nearest first. */
    int[] nearest(double[] query, int k) {
        Neighbours best = new Neighbours(Math.min(k, ids.length));
        search(0, ids.length, query, best);
        return best.sortedIds();
    }

    private void search(int lo, int hi, double[] query, Neighbours best) {
        if (hi - lo <= LEAF_SIZE) {
            for (int i = lo; i < hi; i++) {
                best.offer(distance(i, query), ids[i]);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int dim = splitDim[mid];
        double diff = query[dim] - coords[mid * dims + dim];
        best.offer(distance(mid, query), ids[mid]);
        boolean leftFirst = diff <= 0;
        if (leftFirst) {
            search(lo, mid, query, best);
            if (diff * diff <= best.worstDistance()) {
                search(mid + 1, hi, query, best);
            }
        } else {
            search(mid + 1, hi, query, best);
            if (diff * diff <= best.worstDistance()) {
                search(lo, mid, query, best);
            }
        }
    }

    private double distance(int point, double[] query) {
        double sum = 0;
        int base = point * dims;
        for (int d = 0; d < dims; d++) {
            double diff = coords[base + d] - query[d];
            sum += diff * diff;
        }
        return sum;
    }

    /** The k best (squared distance, id) pairs seen so far; a small sorted array, k is 5 or 1. */
    private static final class Neighbours {
        private final double[] distances;
        private final int[] ids;
        private int size;

        Neighbours(int k) {
            distances = new double[k];
            ids = new int[k];
        }

        double worstDistance() {
            return size < distances.length ? Double.POSITIVE_INFINITY : distances[size - 1];
        }

        void offer(double distance, int id) {
            if (size == distances.length && !closer(distance, id, distances[size - 1], ids[size - 1])) {
                return;
            }
            int i = size < distances.length ? size++ : size - 1;
            while (i > 0 && closer(distance, id, distances[i - 1], ids[i - 1])) {
                distances[i] = distances[i - 1];
                ids[i] = ids[i - 1];
                i--;
            }
            distances[i] = distance;
            ids[i] = id;
        }

        private static boolean closer(double d1, int id1, double d2, int id2) {
            return d1 < d2 || (d1 == d2 && id1 < id2);
        }

        int[] sortedIds() {
            return java.util.Arrays.copyOf(ids, size);
        }
    }
}
