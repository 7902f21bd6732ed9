package dev.switchyard.engine.cli;

import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.TrafficImport;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchyard bench-import}: generates a synthetic RouterBench-style wide CSV (default 1M rows
 * x 11 models, list-literal prompts of realistic length per category, graded scores, recorded
 * costs) in a temporary folder and times its import. A benchmark, not a test: the figure goes in the
 * README.
 */
@Command(name = "bench-import", mixinStandardHelpOptions = true,
        description = "Time the import of a synthetic RouterBench-style wide CSV (default 1,000,000 rows x 11 models).")
public final class BenchImportCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "rows to generate (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--models", defaultValue = "11", description = "model columns (default ${DEFAULT-VALUE})")
    int models;

    @Option(names = "--runs", defaultValue = "3", description = "timed imports of the same file; the first warms up the JIT (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--responses", description = "also write a short <model>|model_response per model (a much bigger file)")
    boolean responses;

    @Option(names = "--seed", defaultValue = "20260504", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dir", description = "folder for the generated file (default: a new temporary folder, deleted afterwards)")
    Path dir;

    /** RouterBench's categories with a typical prompt length in characters (median of a lognormal). */
    private static final String[] CATEGORIES = {"mmlu", "hellaswag", "grade-school-math", "arc-challenge", "mbpp", "winogrande", "mtbench"};
    private static final int[] MEDIAN_CHARS = {420, 650, 260, 330, 520, 160, 700};
    private static final String[] WORDS = ("the of and a to in is you that it he was for on are as with his they I at be this have from or one"
            + " had by word but not what all were we when your can said there use an each which she do how their if will up other about"
            + " out many then them these so some her would make like him into time has look two more write go see number no way could"
            + " people my than first water been call who oil its now find long down day did get come made may part, \"quoted\" it's x+1=2")
            .split(" ");

    @Override
    public Integer call() throws IOException, dev.switchyard.engine.io.ImportException {
        if (rows < 1 || models < 1 || runs < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--rows, --models and --runs must be >= 1");
        }
        Destinations.checkFolder("--dir", dir);
        boolean temporary = dir == null;
        Path folder = temporary ? Files.createTempDirectory("switchyard-bench-import") : Files.createDirectories(dir);
        Path file = folder.resolve("routerbench-synthetic.csv");
        try {
            long t0 = System.nanoTime();
            generate(file);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "generated %,d rows x %d models (%s), %.1f MB in %.1f s: %s%n", rows, models,
                    responses ? "with responses" : "prompts, scores, costs", bytes / 1e6, genSeconds, file);
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                System.gc();
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long processStart = processCpuNanos();
                long start = System.nanoTime();
                TrafficImport imp = TrafficImporter.importFile(file, ImportOptions.defaults());
                double s = (System.nanoTime() - start) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double processCpu = (processCpuNanos() - processStart) / 1e9;
                seconds.add(s);
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "run %d: imported %,d queries x %d models in %.2f s (CPU: importing thread %.2f s, whole JVM incl. GC and JIT %.2f s)"
                        + " = %,.0f rows/s,"
                        + " %.0f MB/s (sample ~%.0f MB; heap used %.0f MB of max %.0f MB)%n", run, imp.sample().size(), imp.sample().modelCount(), s, cpu, processCpu,
                        rows / s, bytes / 1e6 / s, imp.sample().approximateBytes() / 1e6,
                        (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
            }
            double best = seconds.stream().min(Double::compare).orElseThrow();
            System.out.printf(Locale.ROOT, "best: %,d rows in %.2f s = %,.0f rows/s (%d cores, Java %s; load average %.1f at the end)%n",
                    rows, best, rows / best, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return 0;
        } finally {
            if (temporary) {
                try (Stream<Path> s = Files.walk(folder)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * CPU time of the whole JVM. On a busy machine wall time mostly measures the neighbours; the
     * JVM's CPU time bounds what the import costs on an idle one (wall <= CPU even if serialised).
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private void generate(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[models];
        double[] ability = new double[models];
        double[] pricePerToken = new double[models];
        for (int j = 0; j < models; j++) {
            names[j] = "vendor" + (j % 4) + "/model-" + (j + 1) + "b-chat";
            ability[j] = -1.0 + 2.5 * j / Math.max(1, models - 1);
            pricePerToken[j] = (0.2 + 30.0 * j / Math.max(1, models - 1)) / 1e6;
        }
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20);
            StringBuilder sb = new StringBuilder(4096);
            sb.append(",sample_id,prompt,eval_name");
            for (String n : names) {
                sb.append(',').append(n);
            }
            if (responses) {
                for (String n : names) {
                    sb.append(',').append(n).append("|model_response");
                }
            }
            for (String n : names) {
                sb.append(',').append(n).append("|total_cost");
            }
            sb.append(",oracle_model_to_route_to\n");
            w.write(sb.toString());
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                int c = random.nextInt(CATEGORIES.length);
                String category = CATEGORIES[c];
                sb.append(i).append(',').append(category).append(".test.").append(i).append(',');
                int chars = (int) Math.min(20_000, MEDIAN_CHARS[c] * Math.exp(0.6 * random.nextGaussian()));
                appendPrompt(sb, chars, random);
                sb.append(',').append(category);
                double difficulty = random.nextGaussian();
                int best = 0;
                for (int j = 0; j < models; j++) {
                    double p = 0.2 + 0.8 / (1 + Math.exp(-1.7 * (ability[j] - difficulty)));
                    double score = category.equals("mtbench") ? Math.round(p * 10 + random.nextGaussian()) / 10.0
                            : random.nextDouble() < p ? 1 : 0;
                    score = Math.max(0, Math.min(1, score));
                    sb.append(',').append(score == 1 ? "1.0" : score == 0 ? "0.0" : Double.toString(score));
                    if (score == 1 && best == 0) {
                        best = j;
                    }
                }
                if (responses) {
                    for (int j = 0; j < models; j++) {
                        sb.append(",\"['");
                        appendWords(sb, 80 + random.nextInt(240), random, false);
                        sb.append("']\"");
                    }
                }
                int inTokens = chars / 4 + 1;
                for (int j = 0; j < models; j++) {
                    int outTokens = 20 + random.nextInt(300);
                    sb.append(',').append((float) (pricePerToken[j] * (inTokens + outTokens)));
                }
                sb.append(',').append(names[best]).append('\n');
                w.write(sb.toString());
            }
            w.flush();
        });
    }

    /** A list-literal prompt in a quoted CSV field: "['...']" with a few escaped quotes and commas. */
    private static void appendPrompt(StringBuilder sb, int chars, SplittableRandom random) {
        sb.append("\"['");
        appendWords(sb, chars, random, true);
        sb.append("']\"");
    }

    private static void appendWords(StringBuilder sb, int chars, SplittableRandom random, boolean newlines) {
        int start = sb.length();
        while (sb.length() - start < chars) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (word.contains("\"")) {
                sb.append(word.replace("\"", "\"\""));
            } else if (word.contains("'")) {
                sb.append(word.replace("'", "\\'"));
            } else {
                sb.append(word);
            }
            sb.append(newlines && random.nextInt(40) == 0 ? "\\n" : " ");
        }
    }
}
