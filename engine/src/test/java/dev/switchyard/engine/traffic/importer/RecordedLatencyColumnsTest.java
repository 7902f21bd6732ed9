package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded time to first token and total latency per query and model, in the long and the wide formats (issue 14). */
class RecordedLatencyColumnsTest {
    @TempDir
    Path tmp;

    private TrafficSample load(String name, String content) throws Exception {
        return TrafficImporter.importFile(write(name, content), ImportOptions.defaults()).sample();
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private ImportException fails(String name, String content) throws Exception {
        Path p = write(name, content);
        return assertThrows(ImportException.class, () -> TrafficImporter.importFile(p, ImportOptions.defaults()));
    }

    @Test
    void longFormatReadsTtftNextToTheTotal() throws Exception {
        TrafficSample s = load("long.csv", """
                query_id,category,model,score,input_tokens,output_tokens,latency_ms,ttft_ms
                q1,chat,a,1,100,50,900,300
                q1,chat,b,0,100,60,1200,450
                q2,chat,a,1,200,40,800,250
                q2,chat,b,1,200,70,1500,600
                """);
        assertTrue(s.hasRecordedTtft());
        assertEquals(300f, s.recordedTtftMs(0, 0));
        assertEquals(600f, s.recordedTtftMs(1, 1));
        assertEquals(1500f, s.recordedLatencyMs(1, 1));
        TrafficSample ttftOnly = load("ttft-only.csv", """
                query_id,category,model,score,input_tokens,output_tokens,ttft_ms
                q1,chat,a,1,100,50,300
                """);
        assertTrue(ttftOnly.hasRecordedTtft());
        assertFalse(ttftOnly.hasRecordedLatencies());
        assertFalse(load("none.csv", "query_id,category,model,score,input_tokens,output_tokens\nq1,chat,a,1,100,50\n")
                .hasRecordedTtft());
    }

    @Test
    void sproutAndRouterBenchReadPerModelColumns() throws Exception {
        TrafficSample sprout = load("sprout.csv", """
                query_id,category,input_tokens,a.score,a.num_output_tokens,a.ttft_ms,a.latency_ms,b.score,b.num_output_tokens,b|ttft_ms,b|latency_ms
                q1,chat,100,1,50,310,900,0,60,420,1300
                """);
        assertEquals(310f, sprout.recordedTtftMs(0, 0));
        assertEquals(420f, sprout.recordedTtftMs(0, 1));
        assertEquals(1300f, sprout.recordedLatencyMs(0, 1));
        TrafficSample rb = load("rb.csv", """
                sample_id,prompt,eval_name,a,a|model_response,a|ttft_ms,a|latency_ms,b,b|model_response,b|ttft_ms,b|latency_ms
                mmlu.1,['what is two plus two'],mmlu,1,['four'],200,700,0,['five'],350,1100
                """);
        assertTrue(rb.hasRecordedTtft() && rb.hasRecordedLatencies());
        assertEquals(350f, rb.recordedTtftMs(0, 1));
        assertEquals(700f, rb.recordedLatencyMs(0, 0));
    }

    @Test
    void aTtftColumnForOnlySomeModelsIsNotUsedAndSaidSo() throws Exception {
        TrafficImport imp = TrafficImporter.importFile(write("some.csv", """
                query_id,category,input_tokens,a.score,a.num_output_tokens,a.ttft_ms,b.score,b.num_output_tokens
                q1,chat,100,1,50,310,0,60
                """), ImportOptions.defaults());
        assertFalse(imp.sample().hasRecordedTtft());
        assertTrue(imp.report().notes().stream().anyMatch(n -> n.contains("only some models have a '.ttft_ms'")),
                imp.report().notes().toString());
    }

    @Test
    void badCellsAreLocated() throws Exception {
        ImportException late = fails("late.csv", """
                query_id,category,model,score,input_tokens,output_tokens,latency_ms,ttft_ms
                q1,chat,a,1,100,50,900,300
                q1,chat,b,0,100,60,1200,1450
                """);
        assertEquals(3, late.location().line());
        assertEquals("q1,chat,b,0,100,60,1200,".length() + 1, late.location().column(), "the ttft_ms cell");
        assertTrue(late.getMessage().contains("exceeds the answer's total latency"), late.getMessage());
        ImportException negative = fails("neg.csv", """
                query_id,category,input_tokens,a.score,a.num_output_tokens,a.ttft_ms
                q1,chat,100,1,50,-3
                """);
        assertEquals(2, negative.location().line());
        assertTrue(negative.getMessage().contains("time to first token -3 is negative"), negative.getMessage());
        ImportException text = fails("text.csv", """
                sample_id,prompt,eval_name,a,a|model_response,a|ttft_ms
                mmlu.1,['q'],mmlu,1,['four'],fast
                """);
        assertEquals(2, text.location().line());
        assertEquals("mmlu.1,['q'],mmlu,1,['four'],".length() + 1, text.location().column());
    }

    @Test
    void aBlankTtftCellIsAMissingCellNotZero() throws Exception {
        TrafficImport imp = TrafficImporter.importFile(write("blank.csv", """
                query_id,category,input_tokens,a.score,a.num_output_tokens,a.ttft_ms
                q1,chat,100,1,50,
                q2,chat,100,1,50,200
                """), ImportOptions.defaults());
        assertEquals(1, imp.sample().size());
        assertEquals(2, imp.report().skippedRows().get(0).line());
        assertTrue(imp.report().skippedRows().get(0).reason().contains("a.ttft_ms"), imp.report().skippedRows().toString());
    }
}
