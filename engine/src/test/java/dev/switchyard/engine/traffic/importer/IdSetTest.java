package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void findsEveryEarlierRowAcrossGrowth() {
        int n = 200_000;
        String[] ids = new String[n];
        IdSet set = new IdSet();
        for (int r = 0; r < n; r++) {
            ids[r] = "q" + r;
            assertEquals(-1, set.addOrFind(ids[r], r, ids));
        }
        for (int r = 0; r < n; r += 997) {
            assertEquals(r, set.addOrFind(new String("q" + r), n, ids));
        }
        assertEquals(-1, set.addOrFind("new", n, ids));
    }
}
