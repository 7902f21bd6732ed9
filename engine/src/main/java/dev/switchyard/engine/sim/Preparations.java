package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.routing.Routers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link PreparedScenario} for every scenario that prepares the same (decision 1010): a preparation reads the
 * sample, prices, catalog, pool, calibration fraction, seed, text features and whether the day has a rhythm, not
 * the router, target, feedback, volume, window, scaling or replications. The planner re-asked after a slider
 * move (feedback rate, volume, window, target) therefore reuses the preparation, and with it the calibration split
 * that trained state is remembered on ({@code TrainedStateCache}): offline routers are not retrained for a change
 * they do not read. Sample, prices, catalog and registry are matched by identity (a miss only costs time).
 *
 * <p>Only for preparations that stay as built: one that gets cost epochs ({@link PreparedScenario#addCostEpoch})
 * must be made with {@link PreparedScenario#of} and not shared. The last {@value #KEPT} are kept.
 */
public final class Preparations {
    static final int KEPT = 3;

    private static final Map<Key, PreparedScenario> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparedScenario> eldest) {
            return size() > KEPT;
        }
    };

    private Preparations() {
    }

    /** Compares by identity (preparations have no value equality); also the sweep's key for them. */
    record Same(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /** Exactly what {@link PreparedScenario}'s constructor reads of a scenario (and the registry's extractors). */
    private record Key(Same sample, Same prices, Same catalog, List<String> pool, double calibrationFraction, long seed,
            String textFeatures, boolean dailyRhythm, Same registry) {
    }

    /** The shared preparation of {@code s} with the standard registry. */
    public static PreparedScenario shared(Scenario s) throws CostTable.UnpricedModelsException {
        return shared(s, Routers.standard());
    }

    static PreparedScenario shared(Scenario s, Routers registry) throws CostTable.UnpricedModelsException {
        Key key = new Key(new Same(s.sample()), new Same(s.prices()), new Same(s.catalog()), List.copyOf(s.pool()),
                s.calibrationFraction(), s.seed(), s.textFeatures(), s.volume().dailyRhythm(), new Same(registry));
        synchronized (RECENT) {
            PreparedScenario hit = RECENT.get(key);
            if (hit != null) {
                return hit;
            }
        }
        PreparedScenario made = PreparedScenario.of(s, registry);
        synchronized (RECENT) {
            PreparedScenario raced = RECENT.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }
}
