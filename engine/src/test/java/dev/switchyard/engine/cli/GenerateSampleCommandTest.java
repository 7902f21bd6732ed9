package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateSampleCommandTest {

    @Test
    void writesABundleWithTheGivenSeed(@TempDir Path tmp) throws Exception {
        int code = SwitchyardCli.run("generate-sample", "--out", tmp.toString(), "--seed", "7", "--scale", "0.02");
        assertEquals(0, code);
        for (String f : new String[] {"manifest.json", "catalog.json", "README.md", "prices/list-2026-06.json",
                "prices/enterprise-2026-10.json", "traffic/assistant-platform.csv", "traffic/support-desk.csv"}) {
            assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
        }
        assertTrue(Files.readString(tmp.resolve("manifest.json")).contains("\"seed\" : 7"));
    }

    @Test
    void rejectsBadParametersWithoutWriting(@TempDir Path tmp) {
        assertEquals(2, SwitchyardCli.run("generate-sample", "--out", tmp.resolve("x").toString(), "--days", "3"));
        assertTrue(!Files.exists(tmp.resolve("x")));
    }
}
