package dev.switchyard.engine.sample;

import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a traffic sample as the SPROUT-style wide CSV that the importers read (the bundled
 * format, see TEAM.md): {@code query_id,category,timestamp,tenant,sla_tier,prompt,input_tokens,
 * cached_input_tokens}, then per model {@code <m>.score,<m>.num_output_tokens} followed, when the
 * sample has them, by {@code <m>.cost_usd}, {@code <m>.latency_ms} and {@code <m>.ttft_ms}. RFC 4180 quoting, UTF-8,
 * {@code \n} line ends, numbers in a locale-free shortest form, so output is byte-stable.
 */
public final class SproutCsvWriter {
    private SproutCsvWriter() {
    }

    public static void write(TrafficSample sample, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(sample, out));
    }

    public static void write(TrafficSample sample, OutputStream stream) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder line = new StringBuilder(512);
        line.append("query_id,category,timestamp,tenant,sla_tier,prompt,input_tokens,cached_input_tokens");
        for (String m : sample.models()) {
            line.append(',').append(quote(m + ".score")).append(',').append(quote(m + ".num_output_tokens"));
            if (sample.hasRecordedCosts()) {
                line.append(',').append(quote(m + ".cost_usd"));
            }
            if (sample.hasRecordedLatencies()) {
                line.append(',').append(quote(m + ".latency_ms"));
            }
            if (sample.hasRecordedTtft()) {
                line.append(',').append(quote(m + ".ttft_ms"));
            }
        }
        w.write(line.append('\n').toString());
        for (int q = 0; q < sample.size(); q++) {
            line.setLength(0);
            line.append(quote(sample.queryId(q))).append(',')
                    .append(quote(sample.categories().get(sample.category(q)))).append(',');
            if (sample.hasTimestamps()) {
                line.append(Instant.ofEpochMilli(sample.timestampMillis(q)));
            }
            line.append(',');
            if (sample.hasTenants()) {
                line.append(quote(sample.tenants().get(sample.tenant(q))));
            }
            line.append(',');
            if (sample.hasSlaTiers()) {
                line.append(quote(sample.slaTiers().get(sample.slaTier(q))));
            }
            line.append(',');
            if (sample.hasPrompts()) {
                line.append(quote(sample.prompt(q)));
            }
            line.append(',').append(sample.inputTokens(q)).append(',').append(sample.cachedInputTokens(q));
            for (int m = 0; m < sample.modelCount(); m++) {
                line.append(',').append(number(sample.score(q, m))).append(',').append(sample.outputTokens(q, m));
                if (sample.hasRecordedCosts()) {
                    line.append(',').append(number(sample.recordedCost(q, m)));
                }
                if (sample.hasRecordedLatencies()) {
                    line.append(',').append(number(sample.recordedLatencyMs(q, m)));
                }
                if (sample.hasRecordedTtft()) {
                    line.append(',').append(number(sample.recordedTtftMs(q, m)));
                }
            }
            w.write(line.append('\n').toString());
        }
        w.flush();
    }

    /** Shortest decimal that reads back as the same float; integers without a fraction. */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9f) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180: quote when the field holds a comma, quote, CR or LF; double embedded quotes. */
    static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char ch = s.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
