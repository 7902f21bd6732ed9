package dev.switchyard.engine.routing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.FeatureVector;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFeaturizerTest {
    private final TextFeaturizer f = TextFeaturizer.defaults();

    @Test
    void murmurMatchesTheReferenceVectors() {
        assertEquals(0, hash("", 0));
        assertEquals(0x248bfa47, hash("hello", 0));
        assertEquals(0x2e4ff723, hash("The quick brown fox jumps over the lazy dog", 0));
        assertEquals(0x514e28b7, hash("", 1));
    }

    private static int hash(String s, int seed) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash32(b, 0, b.length, seed);
    }

    @Test
    void sameTextSameVectorCaseAndPunctuationIgnored() {
        FeatureVector a = f.extract("Prove that the sum of two even numbers is even.");
        FeatureVector b = f.extract("prove that THE sum of two even numbers is even");
        assertEquals(a, b);
        assertEquals(f.buckets(), a.dimension());
        double norm = 0;
        for (int i = 0; i < a.size(); i++) {
            norm += a.value(i) * a.value(i);
            if (i > 0) {
                assertTrue(a.index(i) > a.index(i - 1), "indices strictly increasing");
            }
        }
        assertEquals(1.0, norm, 1e-5);
        // 9 distinct words + 9 bigrams, no collisions expected in 2^18 buckets
        assertEquals(18, a.size());
    }

    @Test
    void bigramsCarryWordOrder() {
        assertNotEquals(f.extract("dog bites man"), f.extract("man bites dog"));
    }

    @Test
    void emptyAndWordlessPromptsGiveTheEmptyVector() {
        assertSame(FeatureVector.EMPTY, f.extract(null));
        assertSame(FeatureVector.EMPTY, f.extract(""));
        assertSame(FeatureVector.EMPTY, f.extract("?!  ..."));
    }

    @Test
    void onlyTheHeadOfALongPromptIsRead() {
        TextFeaturizer small = new TextFeaturizer(18, 4);
        assertEquals(small.extract("a b c d"), small.extract("a b c d e f g h"));
        assertTrue(small.extract("a b c d").size() <= 7);
    }

    @Test
    void unicodeWordsAreTokens() {
        FeatureVector v = f.extract("Größe der Straße — 東京 tokyo");
        assertTrue(v.size() >= 7);
        assertEquals(v, f.extract("GRÖSSE der straße 東京 Tokyo".replace("GRÖSSE", "größe")));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TextFeaturizer(4, 10));
        assertThrows(IllegalArgumentException.class, () -> new TextFeaturizer(18, 0));
    }

    @Test
    void lengthFeatureIsLogScaled() {
        assertEquals(0f, TextFeaturizer.lengthFeature(0));
        assertEquals(Math.log1p(1000) / 10, TextFeaturizer.lengthFeature(1000), 1e-6);
    }
}
