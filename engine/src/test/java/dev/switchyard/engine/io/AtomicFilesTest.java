package dev.switchyard.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** Writes forever into an atomic write of args[0], after saying so; killed by the test. */
    public static final class StuckWriter {
        public static void main(String[] args) throws Exception {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("half of a report".getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void anExportKilledMidWriteLeavesATempFileThatTheNextWriteOfThatTargetRemoves() throws Exception {
        Path target = dir.resolve("report.html");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StuckWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", r.readLine());
            assertEquals(1, temps().size(), "the writer's temp file exists while it writes");
            assertEquals(0, AtomicFiles.removeLeftovers(target), "a live writer's temp file is never removed");
            child.destroyForcibly(); // SIGKILL: no finally block runs
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(1, temps().size(), "the kill left the temp file behind");
        assertFalse(Files.exists(target));

        AtomicFiles.writeString(target, "the whole report");
        assertEquals("the whole report", Files.readString(target));
        assertEquals(List.of(), temps(), "the next write of the target cleaned up the leftover");
    }

    @Test
    void keepsTempFilesOfOtherTargetsOfOtherProgramsAndOfLiveWritersInThisProcess() throws Exception {
        Path target = dir.resolve("months.csv");
        Path otherTarget = Files.writeString(dir.resolve(".summary.csv.123456.tmp"), "x");
        Path notOurs = Files.writeString(dir.resolve(".months.csv.backup.tmp"), "x");
        Path leftover = Files.writeString(dir.resolve(".months.csv.987654321.tmp"), "x");
        Path live = Files.writeString(dir.resolve(".months.csv.555.tmp"), "x");
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            AtomicFiles.writeString(target, "a,b\r\n");
            assertTrue(Files.exists(live), "held by a writer in this JVM");
        }
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(otherTarget) && Files.exists(notOurs));
        assertEquals("a,b\r\n", Files.readString(target));
    }
}
