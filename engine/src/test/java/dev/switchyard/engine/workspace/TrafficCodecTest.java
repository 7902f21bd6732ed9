package dev.switchyard.engine.workspace;

import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficCodecTest {

    @Test
    void roundTripKeepsEveryColumn() throws IOException {
        for (boolean optional : new boolean[] {true, false}) {
            TrafficSample s = TestTraffic.sample("rt", 2500, 7, optional);
            TrafficCodec.Encoded e = TrafficCodec.encode(s);
            TrafficSample back = TrafficCodec.decode(e.bytes(), e.sha256());
            assertEquals(s.name(), back.name());
            assertEquals(s.models(), back.models());
            assertEquals(s.sources(), back.sources());
            assertEquals(s.size(), back.size());
            for (int q = 0; q < s.size(); q++) {
                assertEquals(s.record(q), back.record(q), "query " + q);
            }
            assertEquals(s.hasPrompts(), back.hasPrompts());
            assertEquals(s.hasRecordedCosts(), back.hasRecordedCosts());
        }
    }

    @Test
    void hashIdentifiesContentAndIsStable() {
        TrafficSample a = TestTraffic.sample("a", 300, 1, true);
        assertEquals(TrafficCodec.encode(a).sha256(), TrafficCodec.encode(TestTraffic.sample("a", 300, 1, true)).sha256());
        assertNotEquals(TrafficCodec.encode(a).sha256(), TrafficCodec.encode(TestTraffic.sample("a", 300, 2, true)).sha256());
        assertEquals(64, TrafficCodec.encode(a).sha256().length());
    }

    @Test
    void compactComparedWithRawColumns() {
        TrafficSample s = TestTraffic.sample("size", 20_000, 3, false);
        long raw = (long) s.size() * (4 + 4 + 4) + (long) s.size() * s.modelCount() * 8;
        assertTrue(TrafficCodec.encode(s).bytes().length < raw, "deflated blob should be smaller than the raw columns");
    }

    @Test
    void damagedBlobsAreRefusedWithAMessage() {
        TrafficCodec.Encoded e = TrafficCodec.encode(TestTraffic.sample("d", 200, 5, true));
        IOException truncated = assertThrows(IOException.class,
                () -> TrafficCodec.decode(Arrays.copyOf(e.bytes(), e.bytes().length / 2), e.sha256()));
        assertTrue(truncated.getMessage().contains("truncated") || truncated.getMessage().contains("deflate"),
                truncated.getMessage());
        IOException wrongHash = assertThrows(IOException.class, () -> TrafficCodec.decode(e.bytes(), "00".repeat(32)));
        assertTrue(wrongHash.getMessage().contains("content hash"), wrongHash.getMessage());
        byte[] garbage = new byte[64];
        assertThrows(IOException.class, () -> TrafficCodec.decode(garbage, null));
    }
}
