package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generator writes a file the importer reads whole (the timing itself is not tested). */
class BenchImportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void smallRunGeneratesAndImportsEveryRow() throws Exception {
        String[] r = CliFixture.run("bench-import", "--rows", "500", "--runs", "1", "--responses", "--dir", tmp.toString());
        String out = r[1];
        assertEquals("0", r[0], out + r[2]);
        assertTrue(out.contains("imported 500 queries x 11 models"), out);
        assertTrue(Files.exists(tmp.resolve("routerbench-synthetic.csv")), "--dir keeps the generated file");
    }
}
