package dev.switchyard.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.TrafficImport;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SproutCsvWriterTest {

    @Test
    void quotesOnlyWhereRfc4180NeedsIt() {
        assertEquals("plain", SproutCsvWriter.quote("plain"));
        assertEquals("\"a, b\"", SproutCsvWriter.quote("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", SproutCsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", SproutCsvWriter.quote("two\nlines"));
        assertEquals("1", SproutCsvWriter.number(1f));
        assertEquals("0.25", SproutCsvWriter.number(0.25f));
        assertEquals("1234", SproutCsvWriter.number(1234f));
    }

    @Test
    void writesTheContractHeaderAndReadsBackIdenticallyThroughTheImporter(@TempDir Path tmp) throws Exception {
        TrafficSample original = TrafficSample.builder("tiny", List.of("model-a", "model-b"))
                .add(new QueryRecord("q1", "chat", 1_777_900_930_000L, "t1", "gold", "Hello, \"world\"\nsecond line",
                        120, 40, new float[] {0.75f, 0f}, new int[] {10, 20}, null, new float[] {900f, 450f}))
                .add(new QueryRecord("q2", "code", 1_777_900_990_000L, "t2", "bronze", "Write code", 80, 0,
                        new float[] {1f, 1f}, new int[] {30, 5}, null, new float[] {1200f, 300f}))
                .build();
        Path file = tmp.resolve("tiny.csv");
        SproutCsvWriter.write(original, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("query_id,category,timestamp,tenant,sla_tier,prompt,input_tokens,cached_input_tokens,"
                + "model-a.score,model-a.num_output_tokens,model-a.latency_ms,model-b.score,model-b.num_output_tokens,model-b.latency_ms\n"),
                text);
        assertTrue(text.contains(",2026-05-04T13:22:10Z,"), "ISO-8601 UTC timestamps: " + text);
        assertTrue(!text.contains("\r"), "\\n line ends only");

        TrafficImport imported = TrafficImporter.importFiles(List.of(file), ImportOptions.defaults().withSampleName("tiny"));
        assertEquals(0, imported.report().skippedRows().size());
        assertEquals(original.size(), imported.sample().size());
        for (int q = 0; q < original.size(); q++) {
            assertEquals(original.record(q), imported.sample().record(q));
        }
    }

    @Test
    void generatedTrafficSurvivesTheRoundTrip(@TempDir Path tmp) throws Exception {
        SampleDataGenerator.GeneratedSample g = SampleDataGenerator.generate(
                SampleDataGenerator.Parameters.defaults().withQueryScale(0.05));
        for (NamedTraffic t : g.traffic()) {
            Path file = tmp.resolve(t.name() + ".csv");
            SproutCsvWriter.write(t.sample(), file);
            TrafficSample back = TrafficImporter.importFiles(List.of(file),
                    ImportOptions.defaults().withCatalog(g.catalog()).withSampleName(t.name())).sample();
            assertEquals(t.sample().models(), back.models());
            assertEquals(t.sample().size(), back.size());
            for (int q = 0; q < back.size(); q++) {
                assertEquals(t.sample().record(q), back.record(q), "row " + q + " of " + t.name());
            }
        }
    }
}
