package dev.switchyard.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static ModelInfo model(String id, String... aliases) {
        return new ModelInfo(id, null, "p", "f", "t", List.of(aliases), 128_000, 8_000, null, Map.of(), null, "test");
    }

    @Test
    void resolvesIdsAndAliasesCaseInsensitively() {
        Catalog c = new Catalog("c", List.of(model("gpt-4-1106", "gpt-4-1106-preview", "openai/gpt-4-1106-preview")));
        assertEquals("gpt-4-1106", c.resolve("GPT-4-1106-PREVIEW").orElseThrow().id());
        assertEquals("gpt-4-1106", c.resolve("openai/gpt-4-1106-preview").orElseThrow().id());
        assertTrue(c.resolve("claude").isEmpty());
    }

    @Test
    void aliasClaimedByTwoModelsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Catalog("c", List.of(model("a", "shared"), model("b", "shared"))));
        assertTrue(e.getMessage().contains("shared"), e.getMessage());
    }

    @Test
    void suggestsCloseNames() {
        Catalog c = new Catalog("c", List.of(model("mistral-small"), model("mistral-large"), model("gpt-5.4")));
        assertEquals("mistral-small", c.closeMatches("mistral-smal", 2).get(0));
    }

    @Test
    void priorsOutsideUnitIntervalAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ModelInfo("m", null, null, null, null, null, 0, 0, null,
                Map.of("mmlu", 1.2), null, null));
    }
}
