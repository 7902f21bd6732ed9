package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real RouterBench files reuse sample_id: a query is its id and its prompt (issue 13, item 1). */
class RouterBenchQueryIdentityTest {
    private static final String HEADER = ",sample_id,prompt,eval_name,m1,m2,m1|total_cost,m2|total_cost,oracle_model_to_route_to\n";

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void sameIdWithDifferentPromptsIsTwoQueriesEachHalfFilled() throws Exception {
        // As in the real file: two rows share an id, each with only some models filled in.
        Path f = write("rb.csv", HEADER
                + "0,arc.test.1,\"['Which is a metal?']\",arc,1,,0.001,,m1\n"
                + "1,arc.test.1,\"['What is 2+2?']\",arc,,0.5,,0.002,m2\n"
                + "2,arc.test.2,\"['Sky colour?']\",arc,1,0,0.001,0.002,m1\n"
                + "3,arc.test.1,\"['Name a gas.']\",arc,0,1,0.001,0.002,m2\n");
        TrafficImport imp = TrafficImporter.importFile(f, ImportOptions.defaults());
        TrafficSample s = imp.sample();
        assertEquals(4, imp.report().rowsRead());
        assertEquals(2, s.size(), "the two half-filled rows are left out, the complete ones kept");
        assertEquals(2, imp.report().skippedRows().size());
        assertEquals(List.of(2L, 3L), imp.report().skippedRows().stream().map(SkippedRow::line).toList());
        assertEquals("arc.test.2", s.queryId(0));
        assertEquals("arc.test.1~3", s.queryId(1), "the third prompt with id arc.test.1");
        assertEquals("Name a gas.", s.prompt(1));
        assertEquals(1, imp.report().collidingIds());
        assertTrue(imp.report().collisionExamples().get(0).contains("rb.csv line 2 and rb.csv line 3"),
                imp.report().collisionExamples().toString());
        assertTrue(imp.report().notes().stream().anyMatch(n -> n.contains("1 query id stands for more than one prompt")),
                imp.report().notes().toString());
    }

    @Test
    void sameIdAndPromptInOneFileIsALocatedDuplicate() throws Exception {
        Path f = write("rb.csv", HEADER
                + "0,arc.test.1,\"['A?']\",arc,1,0,0.001,0.002,m1\n"
                + "1,arc.test.1,\"['B?']\",arc,1,0,0.001,0.002,m1\n"
                + "2,arc.test.1,\"['A?']\",arc,1,0,0.001,0.002,m1\n");
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFile(f, ImportOptions.defaults()));
        assertEquals(4, e.location().line());
        assertEquals("sample_id", e.location().field());
        assertTrue(e.getMessage().contains("same prompt") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void trainAndTestFilesReuseIdsForDifferentPromptsAndShareAgreeingQueries() throws Exception {
        Path train = write("train.csv", HEADER
                + "0,mmlu.1,\"['Q one']\",mmlu,1,0,0.001,0.002,m1\n"
                + "1,mmlu.2,\"['Q two']\",mmlu,0,1,0.001,0.002,m2\n");
        Path test = write("test.csv", HEADER
                + "0,mmlu.1,\"['Another Q one']\",mmlu,0,0,0.001,0.002,m1\n"
                + "1,mmlu.2,\"['Q two']\",mmlu,0,1,0.001,0.002,m2\n");
        TrafficImport imp = TrafficImporter.importFiles(List.of(train, test), ImportOptions.defaults());
        TrafficSample s = imp.sample();
        assertEquals(3, s.size(), "mmlu.1 twice (different prompts), mmlu.2 once (same prompt, same scores)");
        assertEquals(List.of("mmlu.1", "mmlu.2", "mmlu.1~2"), List.of(s.queryId(0), s.queryId(1), s.queryId(2)));
        assertEquals(1, imp.report().collidingIds());
        assertEquals(1, imp.report().mergedRows());
        assertTrue(imp.report().skippedRows().isEmpty());
    }

    @Test
    void theSameQueryInTwoFilesWithDifferentScoresIsALocatedConflict() throws Exception {
        Path train = write("train.csv", HEADER + "0,mmlu.2,\"['Q two']\",mmlu,0,1,0.001,0.002,m2\n");
        Path test = write("test.csv", HEADER + "0,x,\"['Q']\",mmlu,1,1,0.001,0.002,m1\n1,mmlu.2,\"['Q two']\",mmlu,0,0.5,0.001,0.002,m2\n");
        ImportException e = assertThrows(ImportException.class,
                () -> TrafficImporter.importFiles(List.of(train, test), ImportOptions.defaults()));
        assertEquals("test.csv", e.location().file());
        assertEquals(3, e.location().line());
        assertEquals("m2", e.location().field());
        assertTrue(e.getMessage().contains("train.csv") && e.getMessage().contains("disagree"), e.getMessage());
    }

    @Test
    void aRepeatedQueryFillsCellsTheEarlierFileLacks() throws Exception {
        Path a = write("a.csv", HEADER + "0,q,\"['P']\",c,1,,0.001,,m1\n");
        Path b = write("b.csv", HEADER + "0,q,\"['P']\",c,,0.25,,0.002,m2\n");
        TrafficImport imp = TrafficImporter.importFiles(List.of(a, b), ImportOptions.defaults());
        assertEquals(1, imp.sample().size());
        assertEquals(1f, imp.sample().score(0, 0));
        assertEquals(0.25f, imp.sample().score(0, 1));
        assertEquals(0.002f, imp.sample().recordedCost(0, 1));
    }

    @Test
    void generatedNamesNeverClashWithRealIds() throws Exception {
        Path f = write("rb.csv", HEADER
                + "0,q,\"['A']\",c,1,0,0.001,0.002,m1\n"
                + "1,q~2,\"['B']\",c,1,0,0.001,0.002,m1\n"
                + "2,q,\"['C']\",c,1,0,0.001,0.002,m1\n");
        TrafficSample s = TrafficImporter.importFile(f, ImportOptions.defaults()).sample();
        assertEquals(List.of("q", "q~2", "q~2~"), List.of(s.queryId(0), s.queryId(1), s.queryId(2)));
    }
}
