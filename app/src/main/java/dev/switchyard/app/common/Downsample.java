package dev.switchyard.app.common;

import java.util.Arrays;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the visual shape of a long
 * series (peaks and dips survive) while drawing a bounded number of points. Charts use it so that
 * a 24-month daily series stays fast; the data behind the chart (copy as table) is never cut.
 */
public final class Downsample {
    private Downsample() {
    }

    /** Indices of the points to draw, at most {@code threshold}, always first and last. */
    public static int[] lttb(double[] x, double[] y, int threshold) {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + n);
        }
        if (threshold >= n || threshold < 3) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[threshold];
        int k = 0;
        out[k++] = 0;
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            int count = Math.max(1, avgEnd - avgStart);
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            avgX /= count;
            avgY /= count;
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
            double best = -1;
            int bestIndex = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    bestIndex = j;
                }
            }
            out[k++] = bestIndex;
            a = bestIndex;
        }
        out[k++] = n - 1;
        return Arrays.copyOf(out, k);
    }

    /** Convenience for a series on 0..n-1. */
    public static int[] lttb(double[] y, int threshold) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i);
        return lttb(x, y, threshold);
    }
}
