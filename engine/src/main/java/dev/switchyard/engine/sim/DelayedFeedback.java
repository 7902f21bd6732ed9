package dev.switchyard.engine.sim;

/**
 * First-in first-out queue of feedback the router receives {@code delay} requests late. Parallel primitive
 * arrays in a ring: the hot loop allocates nothing (they double when full).
 */
final class DelayedFeedback {
    long[] seq = new long[64];
    int[] row = new int[64];
    int[] day = new int[64];
    double[] frac = new double[64];
    int[] model = new int[64];
    byte[] signal = new byte[64];
    boolean[] served = new boolean[64];
    double[] cost = new double[64];
    private int head;
    private int size;

    void add(long seqAt, int rowAt, int dayAt, double fracAt, int modelAt, byte sig, boolean isServed, double callCost) {
        if (size == seq.length) {
            grow();
        }
        int i = (head + size) % seq.length;
        seq[i] = seqAt;
        row[i] = rowAt;
        day[i] = dayAt;
        frac[i] = fracAt;
        model[i] = modelAt;
        signal[i] = sig;
        served[i] = isServed;
        cost[i] = callCost;
        size++;
    }

    /** The slot of the oldest entry when it is due at request {@code now}, else -1. */
    int due(long now, long delay) {
        return size > 0 && now - seq[head] >= delay ? head : -1;
    }

    /** Drops the oldest entry (after it was delivered). */
    void pop() {
        head = (head + 1) % seq.length;
        size--;
    }

    private void grow() {
        int n = seq.length * 2;
        long[] seqN = new long[n];
        int[] rowN = new int[n];
        int[] dayN = new int[n];
        double[] fracN = new double[n];
        int[] modelN = new int[n];
        byte[] sigN = new byte[n];
        boolean[] servedN = new boolean[n];
        double[] costN = new double[n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % seq.length;
            seqN[k] = seq[i];
            rowN[k] = row[i];
            dayN[k] = day[i];
            fracN[k] = frac[i];
            modelN[k] = model[i];
            sigN[k] = signal[i];
            servedN[k] = served[i];
            costN[k] = cost[i];
        }
        seq = seqN;
        row = rowN;
        day = dayN;
        frac = fracN;
        model = modelN;
        signal = sigN;
        served = servedN;
        cost = costN;
        head = 0;
    }
}
