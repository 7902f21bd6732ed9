package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the real RouteLLM MMLU rows from ../shared/data (never copied into the repo): prompt and
 * two True/False columns per file, subject from the file name. A minimal RFC 4180 reader until the
 * importers' TrafficImporter lands. Tokens are estimated (4 characters per token; one output token
 * per MMLU answer letter plus a short explanation), prices are the models' public list prices.
 */
final class RouteLlmMmlu {
    static final String MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String GPT4 = "gpt-4-1106-preview";

    private RouteLlmMmlu() {
    }

    static Optional<Path> locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/routellm/mmlu");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static TrafficSample load(Path dir) throws IOException {
        TrafficSample.Builder b = TrafficSample.builder("routellm-mmlu", List.of(MIXTRAL, GPT4));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            String subject = file.getFileName().toString().replaceFirst("^mmlu_", "").replaceFirst("\\.csv$", "");
            List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            int mix = header.indexOf(MIXTRAL);
            int gpt = header.indexOf(GPT4);
            int prompt = header.indexOf("prompt");
            for (int i = 1; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                if (r.size() < header.size()) {
                    continue;
                }
                String text = r.get(prompt);
                int in = Math.max(1, text.length() / 4);
                b.add(new QueryRecord(subject + "-" + i, subject, null, null, null, null, in, 0,
                        new float[] {bool(r.get(mix)), bool(r.get(gpt))}, new int[] {30, 30}, null, null));
            }
            b.source(file.getFileName().toString());
        }
        return b.build();
    }

    static PriceSheet prices() {
        return PriceSheet.of("routellm-era", List.of(ModelPrice.flat(MIXTRAL, 0.60, 0.60), ModelPrice.flat(GPT4, 10.0, 30.0)));
    }

    private static float bool(String s) {
        return s.strip().equalsIgnoreCase("true") ? 1f : 0f;
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
