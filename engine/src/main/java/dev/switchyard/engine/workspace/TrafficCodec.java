package dev.switchyard.engine.workspace;

import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The workspace's compact, versioned binary form of a {@link TrafficSample}: its columns written
 * one after the other with {@link DataOutputStream}, deflated. Columnar order compresses far better
 * than rows (scores of one model sit next to each other in the stream only per query, but ids,
 * categories and token counts are long runs of similar values).
 *
 * <p>The content hash is SHA-256 over the <em>uncompressed</em> canonical stream, so it identifies
 * the data itself and does not change if a future zlib compresses differently. Layout (version 1):
 * magic "SYTR", format version, then name, models, sources, size, presence flags and each column.
 */
public final class TrafficCodec {
    static final int MAGIC = 0x53595452; // "SYTR"
    /** Version of the binary layout; bump and keep a reader for every older one. */
    public static final int FORMAT_VERSION = 1;
    /** Refuse absurd sizes from a damaged or hostile blob before allocating. */
    private static final int MAX_QUERIES = 50_000_000;
    private static final int MAX_MODELS = 4096;

    private TrafficCodec() {
    }

    /** An encoded sample: deflated bytes and the SHA-256 (hex) of the canonical uncompressed stream. */
    public record Encoded(byte[] bytes, String sha256, int formatVersion) {
    }

    public static Encoded encode(TrafficSample sample) {
        MessageDigest digest = sha256();
        ByteArrayOutputStream sink = new ByteArrayOutputStream(Math.max(1024, sample.size() * 16));
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new DigestOutputStream(new DeflaterOutputStream(sink, deflater, 1 << 16), digest), 1 << 16))) {
                write(sample, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory encoding cannot fail", e);
        } finally {
            deflater.end();
        }
        return new Encoded(sink.toByteArray(), HexFormat.of().formatHex(digest.digest()), FORMAT_VERSION);
    }

    /** Decodes and verifies the hash; a damaged blob is an {@link IOException} naming the sample. */
    public static TrafficSample decode(byte[] bytes, String expectedSha256) throws IOException {
        MessageDigest digest = sha256();
        Inflater inflater = new Inflater();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new java.security.DigestInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes), inflater, 1 << 16), digest),
                1 << 16))) {
            TrafficSample sample = read(in);
            if (in.read() != -1) {
                throw new IOException("traffic blob has trailing data");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(actual)) {
                throw new IOException("traffic sample '" + sample.name() + "' does not match its content hash (stored "
                        + expectedSha256 + ", computed " + actual + "); the workspace data is damaged");
            }
            return sample;
        } catch (EOFException e) {
            throw new IOException("traffic blob is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("traffic blob holds invalid data: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof DataFormatException) {
                throw new IOException("traffic blob is not valid deflate data", e);
            }
            throw e;
        } finally {
            inflater.end();
        }
    }

    private static void write(TrafficSample s, DataOutputStream out) throws IOException {
        int n = s.size();
        int m = s.modelCount();
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        writeLongString(out, s.name());
        writeStrings(out, s.models());
        writeStrings(out, s.sources());
        out.writeInt(n);
        int flags = (s.hasTimestamps() ? 1 : 0) | (s.hasTenants() ? 2 : 0) | (s.hasSlaTiers() ? 4 : 0)
                | (s.hasPrompts() ? 8 : 0) | (s.hasRecordedCosts() ? 16 : 0) | (s.hasRecordedLatencies() ? 32 : 0)
                | (s.hasRecordedTtft() ? 64 : 0);
        out.writeInt(flags);
        for (int q = 0; q < n; q++) {
            writeLongString(out, s.queryId(q));
        }
        writeStrings(out, s.categories().values());
        for (int q = 0; q < n; q++) {
            out.writeInt(s.category(q));
        }
        if (s.hasTimestamps()) {
            for (int q = 0; q < n; q++) {
                out.writeLong(s.timestampMillis(q));
            }
        }
        if (s.hasTenants()) {
            writeStrings(out, s.tenants().values());
            for (int q = 0; q < n; q++) {
                out.writeInt(s.tenant(q));
            }
        }
        if (s.hasSlaTiers()) {
            writeStrings(out, s.slaTiers().values());
            for (int q = 0; q < n; q++) {
                out.writeInt(s.slaTier(q));
            }
        }
        if (s.hasPrompts()) {
            for (int q = 0; q < n; q++) {
                writeLongString(out, s.prompt(q));
            }
        }
        for (int q = 0; q < n; q++) {
            out.writeInt(s.inputTokens(q));
        }
        for (int q = 0; q < n; q++) {
            out.writeInt(s.cachedInputTokens(q));
        }
        // Model-major inside the blob: one model's scores together compress better.
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < n; q++) {
                out.writeFloat(s.score(q, j));
            }
            for (int q = 0; q < n; q++) {
                out.writeInt(s.outputTokens(q, j));
            }
            if (s.hasRecordedCosts()) {
                for (int q = 0; q < n; q++) {
                    out.writeFloat(s.recordedCost(q, j));
                }
            }
            if (s.hasRecordedLatencies()) {
                for (int q = 0; q < n; q++) {
                    out.writeFloat(s.recordedLatencyMs(q, j));
                }
            }
        }
        // recorded TTFT (issue 14) comes after everything older readers expect, so they still read the rest
        if (s.hasRecordedTtft()) {
            for (int j = 0; j < m; j++) {
                for (int q = 0; q < n; q++) {
                    out.writeFloat(s.recordedTtftMs(q, j));
                }
            }
        }
    }

    private static TrafficSample read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an encoded traffic sample (bad magic)");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("traffic encoding version " + version + " is not supported (this build reads "
                    + FORMAT_VERSION + "); a newer Switchyard wrote it");
        }
        String name = readLongString(in);
        List<String> models = readStrings(in, MAX_MODELS);
        List<String> sources = readStrings(in, 1_000_000);
        int n = in.readInt();
        if (n <= 0 || n > MAX_QUERIES) {
            throw new IOException("traffic blob claims " + n + " queries");
        }
        int m = models.size();
        int flags = in.readInt();
        String[] ids = new String[n];
        for (int q = 0; q < n; q++) {
            ids[q] = readLongString(in);
        }
        List<String> categories = readStrings(in, n);
        int[] categoryOf = readIndexes(in, n, categories.size());
        long[] timestamps = null;
        if ((flags & 1) != 0) {
            timestamps = new long[n];
            for (int q = 0; q < n; q++) {
                timestamps[q] = in.readLong();
            }
        }
        List<String> tenants = null;
        int[] tenantOf = null;
        if ((flags & 2) != 0) {
            tenants = readStrings(in, n);
            tenantOf = readIndexes(in, n, tenants.size());
        }
        List<String> tiers = null;
        int[] tierOf = null;
        if ((flags & 4) != 0) {
            tiers = readStrings(in, n);
            tierOf = readIndexes(in, n, tiers.size());
        }
        String[] prompts = null;
        if ((flags & 8) != 0) {
            prompts = new String[n];
            for (int q = 0; q < n; q++) {
                prompts[q] = readLongString(in);
            }
        }
        int[] input = new int[n];
        for (int q = 0; q < n; q++) {
            input[q] = in.readInt();
        }
        int[] cached = new int[n];
        for (int q = 0; q < n; q++) {
            cached[q] = in.readInt();
        }
        boolean hasCost = (flags & 16) != 0;
        boolean hasLatency = (flags & 32) != 0;
        long cells = (long) n * m;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IOException("traffic blob claims " + cells + " cells");
        }
        float[] scores = new float[(int) cells];
        int[] output = new int[(int) cells];
        float[] cost = hasCost ? new float[(int) cells] : null;
        float[] latency = hasLatency ? new float[(int) cells] : null;
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < n; q++) {
                scores[q * m + j] = in.readFloat();
            }
            for (int q = 0; q < n; q++) {
                output[q * m + j] = in.readInt();
            }
            if (hasCost) {
                for (int q = 0; q < n; q++) {
                    cost[q * m + j] = in.readFloat();
                }
            }
            if (hasLatency) {
                for (int q = 0; q < n; q++) {
                    latency[q * m + j] = in.readFloat();
                }
            }
        }
        float[] ttft = (flags & 64) != 0 ? new float[(int) cells] : null;
        if (ttft != null) {
            for (int j = 0; j < m; j++) {
                for (int q = 0; q < n; q++) {
                    ttft[q * m + j] = in.readFloat();
                }
            }
        }
        TrafficSample.Builder b = TrafficSample.builder(name, models).sources(sources);
        for (int q = 0; q < n; q++) {
            int from = q * m;
            b.add(new QueryRecord(ids[q], categories.get(categoryOf[q]),
                    timestamps == null ? null : timestamps[q],
                    tenantOf == null ? null : tenants.get(tenantOf[q]),
                    tierOf == null ? null : tiers.get(tierOf[q]),
                    prompts == null ? null : prompts[q],
                    input[q], cached[q],
                    java.util.Arrays.copyOfRange(scores, from, from + m),
                    java.util.Arrays.copyOfRange(output, from, from + m),
                    cost == null ? null : java.util.Arrays.copyOfRange(cost, from, from + m),
                    latency == null ? null : java.util.Arrays.copyOfRange(latency, from, from + m),
                    ttft == null ? null : java.util.Arrays.copyOfRange(ttft, from, from + m)));
        }
        return b.build();
    }

    private static int[] readIndexes(DataInputStream in, int n, int bound) throws IOException {
        int[] out = new int[n];
        for (int q = 0; q < n; q++) {
            int v = in.readInt();
            if (v < 0 || v >= bound) {
                throw new IOException("traffic blob has a dictionary index out of range");
            }
            out[q] = v;
        }
        return out;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            writeLongString(out, v);
        }
    }

    private static List<String> readStrings(DataInputStream in, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new IOException("traffic blob claims a list of " + count + " strings");
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readLongString(in));
        }
        return values;
    }

    /** writeUTF is limited to 64 KB; prompts can be longer, so length-prefixed UTF-8 instead. */
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > 64 * 1024 * 1024) {
            throw new IOException("traffic blob claims a string of " + len + " bytes");
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 hex of raw bytes, used for JSON datasets. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
