package dev.switchyard.engine.traffic.importer;

/**
 * Detects repeated query ids while a file is read: an open-addressing table of row numbers into
 * the table's id array, so a million ids cost two int arrays instead of a million hash-set nodes.
 */
final class IdSet {
    private int[] rows = new int[1 << 12];
    private int[] hashes = new int[1 << 12];
    private int count;

    /**
     * Records {@code id} as row {@code row}; returns the earlier row with the same id, or -1.
     * {@code ids[k]} must hold the id of every row added so far.
     */
    int addOrFind(String id, int row, String[] ids) {
        if ((count + 1) * 2 > rows.length) {
            grow();
        }
        int h = mix(id.hashCode());
        int mask = rows.length - 1;
        int i = h & mask;
        while (true) {
            int r = rows[i];
            if (r == 0) {
                rows[i] = row + 1;
                hashes[i] = h;
                count++;
                return -1;
            }
            if (hashes[i] == h && ids[r - 1].equals(id)) {
                return r - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        int[] oldRows = rows;
        int[] oldHashes = hashes;
        rows = new int[oldRows.length * 2];
        hashes = new int[oldRows.length * 2];
        int mask = rows.length - 1;
        for (int k = 0; k < oldRows.length; k++) {
            if (oldRows[k] != 0) {
                int i = oldHashes[k] & mask;
                while (rows[i] != 0) {
                    i = (i + 1) & mask;
                }
                rows[i] = oldRows[k];
                hashes[i] = oldHashes[k];
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
