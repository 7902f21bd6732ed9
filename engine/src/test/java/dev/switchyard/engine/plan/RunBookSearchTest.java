package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Decision 1120: with a search, a router's settings run one after another in the order given and the first that ends
 * the search leaves the later ones unrun, whatever the thread count; a setting run this way is the same run as
 * without a search; a remembered run ends a search too.
 */
class RunBookSearchTest {
    private static final RouterParameters NONE = RouterParameters.none();

    private static Scenario base() {
        return PlannerTest.base(0.90, 2).withReplications(1);
    }

    private static List<RunBook.Setting> settings() {
        List<RunBook.Setting> s = new ArrayList<>();
        for (double aim : new double[] {0.85, 0.90, 0.95, 0.99}) {
            s.add(new RunBook.Setting("slarouter", NONE, aim));
        }
        for (double aim : new double[] {0.85, 0.90, 0.95}) {
            s.add(new RunBook.Setting("threshold", NONE, aim)); // an offline router: its later settings reuse the training
        }
        s.add(new RunBook.Setting("cheapest", NONE, 0.90));
        return s;
    }

    /** Ends a router's search at its first setting aiming at 90% or more (a stand-in for "keeps the promise"). */
    private static boolean atNinety(RunBook.Setting s, Outcome o) {
        return s.aim() >= 0.90 - 1e-9;
    }

    @Test
    void theFirstSettingThatEndsTheSearchLeavesTheRoutersLaterOnesUnrunAtAnyThreadCount() throws Exception {
        List<RunBook.Setting> all = settings();
        List<RunBook.Setting> expected = List.of(all.get(0), all.get(1), all.get(4), all.get(5), all.get(7));
        for (int threads : new int[] {1, 3}) {
            AtomicInteger lastDone = new AtomicInteger();
            AtomicInteger lastTotal = new AtomicInteger();
            RunControl counting = new RunControl() {
                @Override
                public void progress(int done, int total) {
                    if (total == all.size()) { // the schedule's own count (a replication also reports its own)
                        lastDone.accumulateAndGet(done, Math::max);
                        lastTotal.set(total);
                    }
                }
            };
            RunBook book = new RunBook(Routers.standard());
            Map<RunBook.Setting, Outcome> runs = book.run(base(), List.of(), all, threads, counting, (r, part) -> { }, null, null,
                    RunBookSearchTest::atNinety);
            assertEquals(expected, new ArrayList<>(runs.keySet()), threads + " threads");
            assertEquals(all.size(), lastTotal.get(), "progress counts every setting");
            assertEquals(all.size(), lastDone.get(), "the settings a search left unrun count as done");
        }
    }

    @Test
    void aSettingRunInASearchIsTheSameRunAsWithoutOneAndARememberedRunEndsTheSearch() throws Exception {
        List<RunBook.Setting> all = settings();
        RunBook book = new RunBook(Routers.standard());
        Scenario base = base(); // runs are remembered per base scenario
        Map<RunBook.Setting, Outcome> searched = book.run(base, List.of(), all, 2, RunControl.NONE, (r, part) -> { }, null, null,
                RunBookSearchTest::atNinety);
        Map<RunBook.Setting, Outcome> plain = new RunBook(Routers.standard()).run(base(), List.of(), all, 2, RunControl.NONE,
                (r, part) -> { });
        assertEquals(all.size(), plain.size());
        for (Map.Entry<RunBook.Setting, Outcome> e : searched.entrySet()) {
            Outcome p = plain.get(e.getKey());
            assertEquals(p.meanTotalCost(), e.getValue().meanTotalCost(), 0.0, e.getKey().toString());
            assertEquals(p.meanSatisfaction(), e.getValue().meanSatisfaction(), 0.0, e.getKey().toString());
        }
        // asked again: every setting it ran is remembered, and the remembered 90% runs end the searches before 95%
        Map<RunBook.Setting, Outcome> again = book.run(base, List.of(), all, 2, RunControl.NONE, (r, part) -> { }, null, null,
                RunBookSearchTest::atNinety);
        assertEquals(new ArrayList<>(searched.keySet()), new ArrayList<>(again.keySet()));
        for (RunBook.Setting s : again.keySet()) {
            assertEquals(searched.get(s), again.get(s), "remembered, not run again: " + s);
        }
    }

    @Test
    void aRememberedLaterSettingIsNotPartOfASearchThatEndedBeforeIt() throws Exception {
        RunBook book = new RunBook(Routers.standard());
        Scenario base = base();
        RunBook.Setting at95 = new RunBook.Setting("slarouter", NONE, 0.95);
        book.run(base, List.of(), List.of(at95), 1, RunControl.NONE, (r, part) -> { }); // remembered, outside any search
        List<RunBook.Setting> all = settings();
        Map<RunBook.Setting, Outcome> runs = book.run(base, List.of(), all, 2, RunControl.NONE, (r, part) -> { }, null, null,
                RunBookSearchTest::atNinety);
        assertEquals(List.of(all.get(0), all.get(1), all.get(4), all.get(5), all.get(7)), new ArrayList<>(runs.keySet()));
    }

    @Test
    void aSearchRunsOneReplication() {
        assertThrows(IllegalArgumentException.class, () -> new RunBook(Routers.standard()).run(base().withReplications(2), List.of(),
                settings(), 2, RunControl.NONE, (r, part) -> { }, null, null, RunBookSearchTest::atNinety));
    }
}
