package dev.switchyard.engine.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability promise, tested the hard way: a separate JVM saves in a loop and is killed with
 * SIGKILL at random points, many times; after every kill the file must open, pass
 * {@code PRAGMA integrity_check} and hold every save that had been acknowledged.
 */
class KillDuringSaveTest {
    private static final int ITERATIONS = 32;
    private static final long TIME_BUDGET_MS = 60_000;

    @TempDir
    Path dir;

    static String body(int i) {
        return "{\"save\":" + i + ",\"tau\":0." + (80 + i % 20) + "}";
    }

    @Test
    void everyAcknowledgedSaveSurvivesSigkill() throws Exception {
        Path file = dir.resolve("killed.switchyard");
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        SplittableRandom random = new SplittableRandom(20261122L);
        int acknowledged = -1;
        int kills = 0;
        int killedBeforeFirstAck = 0;
        List<OpenReport.Status> statuses = new ArrayList<>();
        long started = System.currentTimeMillis();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            if (System.currentTimeMillis() - started > TIME_BUDGET_MS && iteration >= 10) {
                break; // a slow machine still gets at least 10 kills, the suite stays bounded
            }
            Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, KillTestChild.class.getName(),
                    file.toString(), Integer.toString(acknowledged + 1))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            AtomicInteger lastAck = new AtomicInteger(acknowledged);
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith("READY")) {
                            ready.countDown();
                        }
                        if (line.startsWith("ACK ")) {
                            lastAck.set(Integer.parseInt(line.substring(4)));
                        }
                    }
                } catch (Exception ignored) {
                    // the stream ends when the child dies
                }
            });
            reader.start();
            if (iteration % 4 == 3) {
                // Anywhere from JVM start-up, so kills also land inside create, open and crash recovery.
                Thread.sleep(100 + random.nextInt(1200));
            } else {
                // Inside the save loop, whatever the machine's load makes start-up cost.
                ready.await(20, TimeUnit.SECONDS);
                Thread.sleep(random.nextInt(400));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            reader.join(10_000);
            kills++;
            if (lastAck.get() == acknowledged) {
                killedBeforeFirstAck++;
            }
            acknowledged = lastAck.get();

            if (!Files.exists(file)) {
                // Killed before create() finished: creation is atomic, so there is no file at all (at most a
                // temp file under another name), and nothing can have been acknowledged.
                assertEquals(-1, acknowledged, "saves were acknowledged but the workspace file is missing");
                statuses.add(null);
                continue;
            }
            try (Workspace w = Workspace.open(file)) {
                statuses.add(w.openReport().status());
                assertTrue(w.integrityCheck().isEmpty(), "integrity check after kill " + kills);
                for (int i = 0; i <= acknowledged; i++) {
                    int n = i;
                    ScenarioDocument s = w.scenario("s" + i).orElseThrow(() -> new AssertionError(
                            "acknowledged save s" + n + " lost after kill; child said " + lines));
                    assertEquals(body(i), s.json());
                }
            } catch (WorkspaceException e) {
                throw new AssertionError("workspace did not open after kill " + kills + ": " + e.getMessage(), e);
            }
        }
        assertTrue(kills >= 10, "only " + kills + " kills");
        assertTrue(acknowledged > 20, "the child should have acknowledged many saves, got " + acknowledged);
        assertTrue(kills - killedBeforeFirstAck >= 5, "most kills should land during saves");
        try (Workspace w = Workspace.open(file)) {
            for (DatasetInfo d : w.datasets(DatasetKind.TRAFFIC)) {
                w.loadTraffic(d.hash()); // verifies every stored blob against its hash
            }
        }
        Path backup = Workspace.backupOf(file);
        assertTrue(Files.exists(backup));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertTrue(Workspace.check(c, "integrity_check").isEmpty(), "the backup is always a whole, sound file");
        }
        System.out.println("kill test: " + kills + " kills, " + (acknowledged + 1) + " acknowledged saves, open statuses "
                + statuses);
    }
}
