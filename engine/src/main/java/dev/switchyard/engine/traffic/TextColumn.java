package dev.switchyard.engine.traffic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prompt texts stored as UTF-8 in large pages with offsets, so a million prompts cost their bytes
 * and not a million String objects. Immutable once built.
 */
public final class TextColumn {
    private static final int PAGE_BYTES = 1 << 24;

    private final byte[][] pages;
    private final int[] page;
    private final int[] start;
    private final int[] length;

    private TextColumn(byte[][] pages, int[] page, int[] start, int[] length) {
        this.pages = pages;
        this.page = page;
        this.start = start;
        this.length = length;
    }

    public int size() {
        return page.length;
    }

    public String get(int i) {
        return new String(pages[page[i]], start[i], length[i], StandardCharsets.UTF_8);
    }

    /** Bytes held, for memory reports. */
    public long byteSize() {
        long total = 12L * page.length;
        for (byte[] p : pages) {
            total += p.length;
        }
        return total;
    }

    static final class Builder {
        private final List<byte[]> pages = new ArrayList<>();
        private byte[] current = new byte[1 << 16];
        private int used;
        private int[] page = new int[1024];
        private int[] start = new int[1024];
        private int[] length = new int[1024];
        private int size;

        void add(String text) {
            byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
            if (size == page.length) {
                int n = page.length * 2;
                page = Arrays.copyOf(page, n);
                start = Arrays.copyOf(start, n);
                length = Arrays.copyOf(length, n);
            }
            if (used + bytes.length > current.length) {
                if (current.length < PAGE_BYTES && used + bytes.length <= PAGE_BYTES) {
                    current = Arrays.copyOf(current, Math.min(PAGE_BYTES, Math.max(current.length * 2, used + bytes.length)));
                } else {
                    // A nearly full page is kept as is, and once one page has filled, the next
                    // starts at full size: re-growing and trimming every 16 MB page cost a
                    // 1M-prompt import about 13% of its time in copying.
                    pages.add(current.length - used <= current.length / 16 ? current : Arrays.copyOf(current, used));
                    current = new byte[Math.max(PAGE_BYTES, bytes.length)];
                    used = 0;
                }
            }
            System.arraycopy(bytes, 0, current, used, bytes.length);
            page[size] = pages.size();
            start[size] = used;
            length[size] = bytes.length;
            used += bytes.length;
            size++;
        }

        TextColumn build() {
            byte[][] all = new byte[pages.size() + 1][];
            for (int i = 0; i < pages.size(); i++) {
                all[i] = pages.get(i);
            }
            all[pages.size()] = Arrays.copyOf(current, used);
            return new TextColumn(all, Arrays.copyOf(page, size), Arrays.copyOf(start, size), Arrays.copyOf(length, size));
        }
    }
}
