package dev.switchyard.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.engine.catalog.ModelInfo;

class DataViewModelTest {
    private final DataSession session = new DataSession();
    private final Fixtures.FakeSources sources = new Fixtures.FakeSources();
    private final List<Path> remembered = new ArrayList<>();
    private final DataViewModel vm = new DataViewModel(session, sources, TaskRunner.sameThread(), remembered::add);

    @Test
    void loadingTheSampleFillsEveryTable() {
        vm.loadSample();
        assertEquals(3, vm.models().size());
        assertEquals(List.of("list-a v1", "list-b v1"), vm.sheetLabels());
        TrafficStats s = vm.statsProperty().get();
        assertNotNull(s);
        assertEquals(List.of("math", "code", "chat"), s.categories());
        assertEquals(60, java.util.Arrays.stream(s.queriesPerCategory()).sum());
        assertEquals("large", s.bestFixed().model());
        assertTrue(s.oracle().meanScore() >= s.bestFixed().meanScore());
        assertTrue(s.oracle().costPer1k() <= s.bestFixed().costPer1k());
        assertNotNull(s.costPer1k(), "the newest sheet prices every model");
        assertEquals(3, vm.diffRows().size());
        assertTrue(vm.diffRows().stream().allMatch(r -> r.change() == PriceDiff.Change.CHEAPER));
    }

    @Test
    void aSampleAlreadyReadGoesOnScreenAtOnceAndNothingIsReadForIt() {
        // decision 1120: the start-up prefetch's sample is put on screen in the same call, before the window's first layout
        DataSet read = Fixtures.dataSet();
        sources.prefetched = read;
        assertTrue(vm.loadSampleIfRead());
        assertSame(read, session.get());
        assertEquals(3, vm.models().size());
        assertEquals(0, sources.sampleLoads, "nothing read again");
    }

    @Test
    void aSampleNotReadYetIsLeftToTheBackgroundLoad() {
        assertFalse(vm.loadSampleIfRead(), "nothing prefetched: the caller loads it in the background");
        assertNull(session.get());
        assertEquals(0, sources.sampleLoads, "and nothing was read on the caller's thread");
    }

    @Test
    void aBadTrafficFileIsReportedWithItsLocationAndChangesNothing() {
        vm.loadSample();
        DataSet before = session.get();
        vm.importTraffic(List.of(Path.of("bad-traffic.csv")));
        ImportProblem p = vm.problemProperty().get();
        assertNotNull(p);
        assertEquals(7, p.line());
        assertEquals(12, p.column());
        assertTrue(p.where().contains("line 7, column 12, field 'mid.score'"), p.where());
        assertEquals("score 'abc' is not a number", p.problem());
        assertSame(before, session.get(), "a failed import leaves the data untouched");
        assertTrue(remembered.isEmpty());
        vm.dismissProblem();
        assertNull(vm.problemProperty().get());
    }

    @Test
    void aGoodImportIsRememberedAndReplacesTheTraffic() {
        vm.loadSample();
        vm.importTraffic(List.of(Path.of("good.csv")));
        assertNull(vm.problemProperty().get());
        assertEquals(List.of(Path.of("good.csv")), remembered);
        assertEquals("good.csv", session.get().origin());
        assertTrue(vm.noticeProperty().get().contains("3 incomplete rows left out"));
    }

    @Test
    void anImportedSheetJoinsTheListAndBecomesTheCostBasis() {
        vm.loadSample();
        vm.importPriceSheet(Path.of("new-prices.json"));
        assertEquals(3, vm.sheetLabels().size());
        assertEquals("new-prices.json v1", vm.costSheetProperty().get());
    }

    @Test
    void catalogEditsAreValidatedByTheModel() {
        vm.loadSample();
        ModelInfo mid = vm.models().get(1);
        String ok = vm.editModel("mid", new ModelInfo("mid", "Mid model", "acme", "", "mid", List.of(), 128_000, 0, null,
                java.util.Map.of(), null, ""));
        assertNull(ok);
        assertEquals("Mid model", session.get().catalog().byId("mid").orElseThrow().displayName());
        String bad = vm.editModel("mid", new ModelInfo("mid", "x", "", "", "", List.of("small"), 0, 0, null,
                java.util.Map.of(), null, ""));
        assertNotNull(bad, "an alias clashing with another model's id is rejected");
        assertTrue(bad.contains("small"), bad);
        assertEquals("Mid model", session.get().catalog().byId("mid").orElseThrow().displayName());
        assertEquals("mid", mid.id());
    }
}
