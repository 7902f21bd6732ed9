package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.importer.PriceImporter;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of seeded mutations of valid inputs of every importer (each traffic format, each price
 * format, the native catalog). Every one must either import or fail with an {@link ImportException}
 * that names the file and says something; nothing else (NPE, IAE, NumberFormatException, OOM...)
 * may escape.
 */
class ImporterFuzzTest {
    /** Raise with -Dfuzz.mutations=N for a longer hunt; 300 keeps the suite fast. */
    private static final int MUTATIONS_PER_SEED = Integer.getInteger("fuzz.mutations", 300);

    @TempDir
    static Path tmp;

    @FunctionalInterface
    interface Importer {
        void run(Path file) throws Exception;
    }

    private static Path fixture(String name) {
        return Fixtures.of(name);
    }

    private static Path priceFixture(String name) throws Exception {
        return Path.of(PriceImporter.class.getResource("/dev/switchyard/engine/pricing/importer/" + name).toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyImporterSurvivesMutatedInput() throws Exception {
        TrafficSample eval = TrafficImporter.importFile(fixture("long.csv"), ImportOptions.defaults()).sample();
        Importer traffic = f -> TrafficImporter.importFile(f, ImportOptions.defaults());
        Importer dropModel = f -> TrafficImporter.importFile(f, ImportOptions.defaults().withMissingCells(MissingCellPolicy.DROP_MODEL));
        Importer usage = f -> TrafficImporter.importFile(f, ImportOptions.defaults().withUsageLog(null, eval));
        Importer prices = PriceImporter::importFile;
        Importer catalog = CatalogJson::read;
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(case_("routerbench.csv", fixture("routerbench.csv"), traffic));
        tests.add(case_("routerbench drop-model", fixture("routerbench.csv"), dropModel));
        tests.add(case_("long.csv", fixture("long.csv"), traffic));
        tests.add(case_("sprout.csv", fixture("sprout.csv"), traffic));
        tests.add(case_("sprout_real.csv", fixture("sprout_real.csv"), traffic));
        tests.add(case_("mmlu_college_physics.csv", fixture("mmlu_college_physics.csv"), traffic));
        tests.add(case_("gsm8k_responses.csv", fixture("gsm8k_responses.csv"), traffic));
        tests.add(case_("usage_log.csv", fixture("usage_log.csv"), usage));
        tests.add(case_("litellm json", priceFixture("model_prices_and_context_window.json"), prices));
        tests.add(case_("openrouter json", priceFixture("openrouter_models.json"), prices));
        tests.add(case_("price csv", priceFixture("prices.csv"), prices));
        tests.add(case_("native price json", priceFixture("native_prices.json"), prices));
        tests.add(case_("native catalog json", priceFixture("native_catalog.json"), catalog));

        // Real-shaped files (issue 13): what users actually have.
        Path seeds = Files.createDirectories(tmp.resolve("real-shaped"));
        String rbHeader = ",sample_id,prompt,eval_name,gpt-4-1106-preview,mistralai/mixtral-8x7b-chat,"
                + "gpt-4-1106-preview|model_response,mistralai/mixtral-8x7b-chat|model_response,"
                + "gpt-4-1106-preview|total_cost,mistralai/mixtral-8x7b-chat|total_cost,oracle_model_to_route_to\n";
        Path colliding = write(seeds, "routerbench_colliding.csv", rbHeader
                + "0,arc-challenge.test.17,\"['Which is a metal?', 'Answer:']\",arc-challenge,1.0,,['A'],,0.0001,,gpt-4-1106-preview\n"
                + "1,arc-challenge.test.17,\"['What is 2+2?\nA. 3\nB. 4']\",arc-challenge,,0.75,,['B'],,0.00002,mistralai/mixtral-8x7b-chat\n"
                + "2,mmlu.test.3,\"['He said \"\"hi\"\", then left']\",mmlu,0.5,0.25,['x'],['y'],0.0002,0.00001,gpt-4-1106-preview\n"
                + "3,arc-challenge.test.17,['Name a gas.'],arc-challenge,0.0,1.0,['He'],['Ne'],0.0001,0.00002,mistralai/mixtral-8x7b-chat\n");
        Path trainSplit = write(seeds, "routerbench_train.csv", rbHeader
                + "0,mmlu.test.3,\"['Another prompt']\",mmlu,1.0,0.0,['x'],['y'],0.0002,0.00001,gpt-4-1106-preview\n"
                + "1,arc-challenge.test.17,['Name a gas.'],arc-challenge,0.0,1.0,['He'],['Ne'],0.0001,0.00002,mistralai/mixtral-8x7b-chat\n");
        Importer trainThenTest = f -> TrafficImporter.importFiles(List.of(trainSplit, f), ImportOptions.defaults());
        tests.add(case_("routerbench colliding ids", colliding, traffic));
        tests.add(case_("routerbench train+test splits", colliding, trainThenTest));
        Path overrides = write(seeds, "openrouter_overrides.json",
                dev.switchyard.engine.pricing.importer.OpenRouterOverridesTest.MODELS);
        tests.add(case_("openrouter overrides", overrides, prices));
        Path litellm = write(seeds, "litellm_tiered.json", """
                {"last_updated": "2026-05-30",
                 "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "mode": "one of: chat, embedding"},
                 "gemini-2.5-pro": {"input_cost_per_token": 1.25e-06, "input_cost_per_token_above_200k_tokens": 2.5e-06,
                   "output_cost_per_token": 1e-05, "output_cost_per_token_above_200k_tokens": 1.5e-05,
                   "cache_read_input_token_cost": 3.1e-07, "output_cost_per_reasoning_token": 1e-05, "mode": "chat"},
                 "qwen-plus": {"mode": "chat", "tiered_pricing": [
                   {"range": [0, 256000], "input_cost_per_token": 4e-07, "output_cost_per_token": 1.2e-06},
                   {"range": [256000, 1000000], "input_cost_per_token": 1.2e-06, "output_cost_per_token": 3.6e-06}]},
                 "text-embedding-3-small": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0, "mode": "embedding"},
                 "together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1": {"input_cost_per_token": 6e-07, "output_cost_per_token": 6e-07,
                   "input_cost_per_request": 0.0, "mode": "chat"}}
                """);
        tests.add(case_("litellm sample_spec + tiers", litellm, prices));
        Path european = write(seeds, "european.csv", "sample_id;prompt;eval_name;m1;m2;m1|total_cost;m2|total_cost\n"
                + "q1;\"['Hallo, Welt; wie geht''s?']\";chat;0,75;1;0,0021;0,0003\n"
                + "q2;\"['Zwei']\";chat;0,5;0;0,001;0,0002\n;;;;;;\n");
        Importer europeanFlags = f -> TrafficImporter.importFile(f,
                ImportOptions.defaults().withDialect(new dev.switchyard.engine.io.CsvDialect(';', true)));
        tests.add(case_("european traffic csv", european, europeanFlags));
        Path excel = write(seeds, "excel.csv", "\uFEFFsep=,\r\nsample_id,prompt,eval_name,m1,m2,,\r\n"
                + "q1,\"['p, with comma']\",chat,1,0,,\r\nq2,p2,chat,0.5,1,,\r\n,,,,,,\r\n,,,,,,\r\n");
        tests.add(case_("excel traffic csv", excel, traffic));
        Path excelPrices = write(seeds, "excel_prices.csv", "sep=;\r\nmodel;input_per_1m;output_per_1m;cached_input_per_1m;;\r\n"
                + "gpt-5.5;5;30;0.5;;\r\nmini;0.15;0.6;;;\r\n;;;;;\r\n");
        tests.add(case_("excel price csv", excelPrices, prices));
        Path europeanPrices = write(seeds, "european_prices.csv", "model;input_per_1m;output_per_1m\ngpt-5.5;5;30\nmini;0,15;0,6\n");
        Importer pricesEuropean = f -> PriceImporter.importFile(f, new dev.switchyard.engine.io.CsvDialect(';', true));
        tests.add(case_("european price csv", europeanPrices, pricesEuropean));
        return tests.stream();
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static DynamicTest case_(String name, Path seedFile, Importer importer) {
        return DynamicTest.dynamicTest(name, () -> {
            byte[] seed = Files.readAllBytes(seedFile);
            String fileName = seedFile.getFileName().toString();
            importer.run(seedFile); // the seed itself is valid
            SplittableRandom random = new SplittableRandom(fileName.hashCode() * 31L + name.hashCode());
            Path dir = Files.createDirectories(tmp.resolve(name.replaceAll("[^A-Za-z0-9]", "_")));
            Path target = dir.resolve(fileName);
            int imported = 0;
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                byte[] mutated = seed;
                int rounds = 1 + random.nextInt(3);
                StringBuilder how = new StringBuilder();
                for (int k = 0; k < rounds; k++) {
                    int kind = random.nextInt(16);
                    how.append(kind).append(' ');
                    mutated = mutate(mutated, kind, random);
                }
                Files.write(target, mutated);
                try {
                    importer.run(target);
                    imported++;
                } catch (ImportException e) {
                    assertFalse(e.problem().isBlank(), "blank message");
                    assertEquals(fileName, e.location().file(), e.getMessage());
                } catch (Throwable t) {
                    fail(name + " mutation #" + i + " (kinds " + how + ") escaped as " + t + "\n--- input ---\n"
                            + abbreviate(new String(mutated, StandardCharsets.UTF_8)), t);
                }
            }
            // Sanity: mutations are neither all harmless nor all fatal.
            assertFalse(imported == MUTATIONS_PER_SEED, name + ": every mutation imported; the fuzzer is not biting");
        });
    }

    private static String abbreviate(String s) {
        return s.length() < 3000 ? s : s.substring(0, 3000) + "...";
    }

    private static final String[] NASTY = {
        "NaN", "Infinity", "-Infinity", "-1", "1e999", "-0", "1" + "0".repeat(400), "\"", "\"\"", ",", "\n", "\r",
        "null", "true", "{}", "[]", "'", "\\", "\u0000", "-1e-999", "0x10", "1d", "+", ".", "e5", "2147483648",
        "9223372036854775808", "[\"a\", 'b']", "\uFEFF", "é", "\uD83D\uDE00", ":", "}", "]", "{\"x\":", "\"-1\"",
        "1e-7", "9".repeat(70)};

    static byte[] mutate(byte[] in, int kind, SplittableRandom r) {
        if (in.length == 0) {
            return "x".getBytes(StandardCharsets.UTF_8);
        }
        int at = r.nextInt(in.length);
        switch (kind) {
            case 0: { // byte flip
                byte[] out = in.clone();
                out[at] = (byte) r.nextInt(256);
                return out;
            }
            case 1: // truncation
                return java.util.Arrays.copyOf(in, at);
            case 2: // duplicate a line
            case 3: { // delete a line
                List<String> lines = lines(in);
                int l = r.nextInt(lines.size());
                if (kind == 2) {
                    lines.add(l, lines.get(l));
                } else {
                    lines.remove(l);
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 4: // random quote
                return insert(in, at, r.nextBoolean() ? "\"" : "'");
            case 5: // nasty token
                return insert(in, at, NASTY[r.nextInt(NASTY.length)]);
            case 6: { // replace a number with a nasty value
                String s = new String(in, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?(e-?\\d+)?").matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return in;
                }
                int[] sp = spans.get(r.nextInt(spans.size()));
                return (s.substring(0, sp[0]) + NASTY[r.nextInt(NASTY.length)] + s.substring(sp[1])).getBytes(StandardCharsets.UTF_8);
            }
            case 7: { // deep nesting
                int depth = 50 + r.nextInt(3000);
                String open = r.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                return insert(in, at, open.repeat(depth) + (r.nextBoolean() ? close.repeat(depth) : ""));
            }
            case 8: // very long line
                return insert(in, at, "x".repeat(10_000 + r.nextInt(300_000)));
            case 9: // invalid UTF-8
                return insertBytes(in, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            case 10: { // swap two lines
                List<String> lines = lines(in);
                int a = r.nextInt(lines.size());
                int b = r.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 11: // delete a range
                return concat(java.util.Arrays.copyOf(in, at), java.util.Arrays.copyOfRange(in, Math.min(in.length, at + 1 + r.nextInt(20)), in.length));
            case 12: { // blank a cell: drop the text between two commas
                String s = new String(in, StandardCharsets.UTF_8);
                int c = s.indexOf(',', at);
                int d = c < 0 ? -1 : s.indexOf(',', c + 1);
                if (d < 0) {
                    return in;
                }
                return (s.substring(0, c + 1) + s.substring(d)).getBytes(StandardCharsets.UTF_8);
            }
            case 14: { // Excel/European leftovers: swap a delimiter or decimal mark
                String s = new String(in, StandardCharsets.UTF_8);
                int c = s.indexOf(r.nextBoolean() ? ',' : r.nextBoolean() ? ';' : '.', at);
                if (c < 0) {
                    return in;
                }
                char with = s.charAt(c) == ',' ? ';' : s.charAt(c) == ';' ? ',' : ',';
                return (s.substring(0, c) + with + s.substring(c + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 15: { // trailing empty cells, a row of empty cells, or a sep= line
                List<String> lines = lines(in);
                int l = r.nextInt(lines.size());
                switch (r.nextInt(3)) {
                    case 0 -> lines.set(l, lines.get(l) + ",,");
                    case 1 -> lines.add(l, ";;;;");
                    default -> lines.add(0, r.nextBoolean() ? "sep=;" : "sep=,");
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            default: // huge string value
                return insert(in, at, "\"" + "y".repeat(100_000) + "\"");
        }
    }

    private static List<String> lines(byte[] in) {
        return new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] insert(byte[] in, int at, String text) {
        return insertBytes(in, at, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] insertBytes(byte[] in, int at, byte[] add) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + add.length);
        out.write(in, 0, at);
        out.write(add, 0, add.length);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insertBytes(a, a.length, b);
    }
}
