package dev.switchyard.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-model rate limits and the declared fallback in the catalog (decision 1403). */
class RateLimitCatalogTest {

    private static String catalog(String rateLimitOfA) {
        return """
                {"format":"switchyard-catalog","formatVersion":1,"name":"c","models":[
                 {"id":"a","aliases":["vendor/a"]%s},
                 {"id":"b"}
                ]}
                """.formatted(rateLimitOfA == null ? "" : ",\n  \"rateLimit\":" + rateLimitOfA);
    }

    private static Catalog read(String json) throws Exception {
        return CatalogJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "c.json");
    }

    private static ImportException fails(String rateLimit) {
        return assertThrows(ImportException.class, () -> read(catalog(rateLimit)));
    }

    @Test
    void limitsAndFallbackRoundTripAndOlderCatalogsLoadWithoutThem() throws Exception {
        Catalog c = read(catalog("{\"requestsPerMinute\":500,\"tokensPerMinute\":200000,\"fallback\":\"b\","
                + "\"source\":\"tier-2 account page, 2026-11\"}"));
        RateLimit limit = c.byId("a").orElseThrow().rateLimit();
        assertEquals(new RateLimit(500, 200_000, "b", "tier-2 account page, 2026-11"), limit);
        assertEquals("b", c.fallbackOf(c.byId("a").orElseThrow()).orElseThrow().id());
        assertTrue(c.hasRateLimits());
        Catalog again = read(new String(CatalogJson.toBytes(c), StandardCharsets.UTF_8));
        assertEquals(c, again);
        Catalog old = read(catalog(null));
        assertNull(old.byId("a").orElseThrow().rateLimit());
        assertFalse(old.hasRateLimits());
        assertFalse(new String(CatalogJson.toBytes(old), StandardCharsets.UTF_8).contains("rateLimit"),
                "a catalog without limits is written as before");
        // only one kind of limit, no fallback
        assertEquals(new RateLimit(0, 1000, "", ""), read(catalog("{\"tokensPerMinute\":1000}")).byId("a").orElseThrow().rateLimit());
    }

    @Test
    void badValuesAreOneLocatedLine() {
        ImportException negative = fails("{\"requestsPerMinute\":-5,\"fallback\":\"b\"}");
        assertTrue(negative.getMessage().contains("c.json") && negative.getMessage().contains("line 3"), negative.getMessage());
        assertTrue(negative.getMessage().contains("requestsPerMinute must be a whole number >= 0"), negative.getMessage());
        assertFalse(negative.getMessage().contains("\n"), negative.getMessage());
        ImportException fraction = fails("{\"tokensPerMinute\":10.5}");
        assertTrue(fraction.getMessage().contains("tokensPerMinute must be a whole number"), fraction.getMessage());
        ImportException empty = fails("{\"fallback\":\"b\"}");
        assertTrue(empty.getMessage().contains("names neither"), empty.getMessage());
        ImportException unknown = fails("{\"requestsPerMinute\":5,\"fallback\":\"bb\"}");
        assertTrue(unknown.getMessage().contains("models[0].rateLimit.fallback"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("'bb', which is not a model of this catalog; did you mean b"),
                unknown.getMessage());
        ImportException self = fails("{\"requestsPerMinute\":5,\"fallback\":\"vendor/a\"}");
        assertTrue(self.getMessage().contains("names itself"), self.getMessage());
        ImportException typo = fails("{\"requestPerMinute\":5,\"tokensPerMinute\":100}");
        assertTrue(typo.getMessage().contains("requestPerMinute"), typo.getMessage());
        ImportException onlyTypos = fails("{\"requestPerMinute\":5}");
        assertTrue(onlyTypos.getMessage().contains("check the field names"), onlyTypos.getMessage());
    }

    @Test
    void programmaticCatalogsAreCheckedToo() {
        ModelInfo a = new ModelInfo("a", null, "", "", "", List.of(), 0, 0, null, Map.of(), null, "", new RateLimit(5, 0, "z", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Catalog("c", List.of(a)));
        assertTrue(e.getMessage().contains("'z', which is not a model of this catalog"), e.getMessage());
        assertEquals(a.rateLimit(), a.withRateLimit(a.rateLimit()).rateLimit());
        assertNull(a.withRateLimit(null).rateLimit());
    }
}
