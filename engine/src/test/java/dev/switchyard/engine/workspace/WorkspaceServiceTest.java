package dev.switchyard.engine.workspace;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceServiceTest {
    @TempDir
    Path dir;

    private WorkspaceService service(List<Exception> errors, Duration delay) {
        return new WorkspaceService(new RecentWorkspaces(dir.resolve("config/recent.json"), 3), delay, errors::add);
    }

    @Test
    void newEditSaveAsReopenThroughTheService() throws Exception {
        List<Exception> errors = new CopyOnWriteArrayList<>();
        Path a = dir.resolve("a.switchyard");
        Path b = dir.resolve("b.switchyard");
        try (WorkspaceService s = service(errors, Duration.ofSeconds(30))) {
            assertEquals(OpenReport.Status.CREATED, s.newWorkspace(a, false).status());
            for (int i = 0; i <= 50; i++) {
                s.scheduleScenarioSave(ScenarioDocument.of("plan", "{\"tau\":" + i + "}", null));
            }
            assertEquals(1, s.pendingEdits(), "fifty edits of one scenario coalesce into one pending write");
            s.flush();
            assertEquals(0, s.pendingEdits());
            assertEquals(1, s.current().scenario("plan").orElseThrow().revision(), "one write, not fifty");
            s.scheduleScenarioSave(ScenarioDocument.of("plan", "{\"tau\":99}", null));
            s.saveAs(b); // pending edit is written before the copy
            assertEquals(b.toAbsolutePath(), s.currentFile().orElseThrow());
            assertEquals("{\"tau\":99}", s.current().scenario("plan").orElseThrow().json());
            s.scheduleScenarioSave(ScenarioDocument.of("only in b", "{}", null));
        }
        assertTrue(errors.isEmpty(), errors.toString());
        try (Workspace w = Workspace.open(b)) {
            assertEquals(2, w.scenarios().size(), "close flushed the pending edit into the Save As target");
        }
        try (Workspace w = Workspace.open(a)) {
            assertEquals("{\"tau\":99}", w.scenario("plan").orElseThrow().json());
            assertTrue(w.scenario("only in b").isEmpty());
        }
        try (WorkspaceService s = service(errors, Duration.ofSeconds(30))) {
            assertEquals(List.of(b.toAbsolutePath(), a.toAbsolutePath()),
                    s.recent().stream().map(RecentWorkspaces.Entry::file).toList());
        }
    }

    @Test
    void autosaveWritesAfterTheQuietPeriodWithoutAFlush() throws Exception {
        List<Exception> errors = new CopyOnWriteArrayList<>();
        try (WorkspaceService s = service(errors, Duration.ofMillis(50))) {
            s.newWorkspace(dir.resolve("auto.switchyard"), false);
            s.scheduleScenarioSave(ScenarioDocument.of("x", "{\"v\":1}", null));
            long deadline = System.currentTimeMillis() + 10_000;
            while (s.pendingEdits() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, s.pendingEdits());
            assertTrue(s.current().scenario("x").isPresent());
            assertTrue(s.lastAutosave() != null);
        }
    }

    @Test
    void aRefusedOpenKeepsTheCurrentWorkspaceOpen() throws Exception {
        List<Exception> errors = new CopyOnWriteArrayList<>();
        Path junk = dir.resolve("junk.switchyard");
        Files.writeString(junk, "not a database");
        try (WorkspaceService s = service(errors, Duration.ofSeconds(30))) {
            s.newWorkspace(dir.resolve("good.switchyard"), false);
            s.scheduleScenarioSave(ScenarioDocument.of("keep me", "{}", null));
            assertEquals(WorkspaceException.Reason.NOT_SQLITE, assertThrows(WorkspaceException.class, () -> s.open(junk)).reason());
            assertTrue(s.current().scenario("keep me").isPresent());
        }
    }

    @Test
    void coalescingWriterRetriesAFailedWriteOnTheNextFlush() {
        List<Exception> errors = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (CoalescingWriter w = new CoalescingWriter(Duration.ofHours(1), errors::add)) {
            w.submit("k", () -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new java.io.IOException("disk full");
                }
            });
            assertEquals("disk full", w.flush().getMessage());
            assertEquals(1, w.pendingCount(), "the failed edit is still pending");
            assertNull(w.flush());
            assertEquals(2, attempts.get());
            assertEquals(1, errors.size());
        }
    }

    @Test
    void recentListIsBoundedDedupedAndSurvivesADamagedFile() throws Exception {
        RecentWorkspaces r = new RecentWorkspaces(dir.resolve("recent.json"), 3);
        for (String n : List.of("a", "b", "c", "d", "b")) {
            r.touch(dir.resolve(n));
        }
        assertEquals(List.of("b", "d", "c"), r.list().stream().map(e -> e.file().getFileName().toString()).toList());
        assertFalse(r.list().get(0).exists());
        Files.writeString(r.storeFile(), "{broken");
        assertTrue(r.list().isEmpty());
        r.touch(dir.resolve("e"));
        assertEquals(1, r.list().size());
    }

    @Test
    void typedCatalogAndPriceSheetRoundTrip() throws Exception {
        Catalog catalog = new Catalog("team", List.of(new ModelInfo("small", "Small", "acme", "s", "small",
                List.of("acme/small"), 128_000, 8_000, null, Map.of("math", 0.6), null, "test")));
        PriceSheet sheet = PriceSheet.of("list", List.of(ModelPrice.flat("small", 0.5, 1.5)));
        try (Workspace w = Workspace.create(dir.resolve("typed.switchyard"))) {
            DatasetInfo c = w.putCatalog(catalog, "catalog.json");
            DatasetInfo p = w.putPriceSheet(sheet, null);
            assertEquals(catalog, w.loadCatalog(c.hash()));
            assertEquals(sheet.prices(), w.loadPriceSheet(p.hash()).prices());
            assertEquals(DatasetKind.PRICE_SHEET, w.dataset(p.hash()).orElseThrow().kind());
        }
    }
}
