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
        return tests.stream();
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
                    int kind = random.nextInt(14);
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
