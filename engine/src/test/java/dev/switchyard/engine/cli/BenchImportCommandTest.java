package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        PrintStream old = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = SwitchyardCli.run("bench-import", "--rows", "500", "--runs", "1", "--responses", "--dir", tmp.toString());
        } finally {
            System.setOut(old);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("imported 500 queries x 11 models"), out);
        assertTrue(Files.exists(tmp.resolve("routerbench-synthetic.csv")), "--dir keeps the generated file");
    }
}
