package dev.switchyard.engine.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSampleTest {

    private static QueryRecord row(String id, String category, String prompt, float a, float b) {
        return new QueryRecord(id, category, null, null, null, prompt, 100, 0,
                new float[] {a, b}, new int[] {10, 20}, null, null);
    }

    @Test
    void storesRowsColumnWiseAndReadsThemBack() {
        TrafficSample.Builder b = TrafficSample.builder("s", List.of("small", "large"));
        for (int i = 0; i < 5000; i++) {
            b.add(row("q" + i, i % 2 == 0 ? "math" : "chat", "prompt ü " + i, (i % 3) / 2f, 1f));
        }
        TrafficSample s = b.build();
        assertEquals(5000, s.size());
        assertEquals(2, s.categories().size());
        assertEquals("chat", s.categories().get(s.category(4999)));
        assertEquals("prompt ü 4321", s.prompt(4321));
        assertEquals(0.5f, s.score(4, 0));
        assertEquals(20, s.outputTokens(17, 1));
        assertFalse(s.hasTimestamps());
        assertEquals(row("q7", "chat", "prompt ü 7", 0.5f, 1f), s.record(7));
    }

    @Test
    void duplicateIdsAndHalfColumnsAreRejected() {
        TrafficSample.Builder b = TrafficSample.builder("s", List.of("a", "b"));
        b.add(row("q1", "c", "p", 1, 0));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> b.add(row("q1", "c", "p", 1, 0)));
        assertTrue(dup.getMessage().contains("q1"));
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> b.add(row("q2", "c", null, 1, 0)));
        assertTrue(half.getMessage().contains("prompt"), half.getMessage());
    }

    @Test
    void scoresOutsideUnitIntervalAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> row("q", "c", null, 1.5f, 0));
        assertThrows(IllegalArgumentException.class, () -> row("q", "c", null, Float.NaN, 0));
    }

    @Test
    void withModelsReordersAndMergeRequiresSameModels() {
        TrafficSample s = TrafficSample.builder("s", List.of("a", "b")).add(row("q1", "c", "p", 1, 0)).build();
        TrafficSample swapped = s.withModels(List.of("b", "a"));
        assertEquals(0f, swapped.score(0, 0));
        assertEquals(1f, swapped.score(0, 1));
        TrafficSample other = TrafficSample.builder("t", List.of("b", "a")).add(row("q2", "c", "p", 1, 1)).build();
        TrafficSample merged = TrafficSample.merge("m", List.of(s, other));
        assertEquals(2, merged.size());
        TrafficSample third = TrafficSample.builder("u", List.of("a", "z")).add(row("q3", "c", "p", 1, 1)).build();
        assertThrows(IllegalArgumentException.class, () -> TrafficSample.merge("m", List.of(s, third)));
    }
}
