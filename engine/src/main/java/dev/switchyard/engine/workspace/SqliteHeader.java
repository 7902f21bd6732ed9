package dev.switchyard.engine.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first 100 bytes of an SQLite file, read with plain file I/O. Lets us refuse a non-SQLite
 * file, someone else's database, a workspace from a newer Switchyard or a truncated file
 * <em>without</em> opening an SQLite connection, so a refused file is never touched.
 */
record SqliteHeader(int pageSize, long pagesInHeader, boolean pageCountValid, int userVersion, int applicationId,
                    long fileSize) {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Null when the file is not an SQLite database. */
    static SqliteHeader read(Path file) throws IOException {
        long size = Files.size(file);
        byte[] h = new byte[100];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, 100);
        }
        if (n < 100 || !Arrays.equals(Arrays.copyOf(h, 16), MAGIC)) {
            return null;
        }
        int rawPageSize = u16(h, 16);
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return null;
        }
        long changeCounter = u32(h, 24);
        long pages = u32(h, 28);
        long validFor = u32(h, 92);
        return new SqliteHeader(pageSize, pages, pages > 0 && validFor == changeCounter, (int) u32(h, 60),
                (int) u32(h, 68), size);
    }

    /** Bytes the header says the main file must hold, or -1 when the header's count is not valid. */
    long expectedSize() {
        return pageCountValid ? pagesInHeader * pageSize : -1;
    }

    boolean truncated() {
        return fileSize % pageSize != 0 || (expectedSize() > 0 && fileSize < expectedSize());
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
