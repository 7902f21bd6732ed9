package dev.switchyard.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader that knows where every field came from.
 *
 * <p>Quoted fields may hold commas, doubled quotes and line breaks; {@code \n}, {@code \r\n} and a
 * lone {@code \r} end a record. Input is strict UTF-8 (a leading BOM is skipped; a malformed byte
 * is a located error, never a silent U+FFFD). Each field remembers the physical line and column
 * where it starts, so importers can point at the exact cell. A record longer than
 * {@link #maxRecordChars} fails with a located message instead of exhausting the heap (an
 * unbalanced quote in a 2 GB file otherwise swallows the whole file). Blank lines are skipped.
 *
 * <p>Hand-written rather than a library: see {@code docs/decisions/0100-csv-reader.md}. One record
 * lives in one reusable {@code char[]}; fields are offsets into it, so reading allocates nothing per
 * row unless the caller asks for a {@code String}.
 */
public final class CsvReader implements Closeable {
    /** 64 Mi characters: far above any real prompt, far below the heap. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;
    /** More columns than any evaluation matrix; a binary file read as CSV trips this early. */
    public static final int MAX_FIELDS = 100_000;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final Reader in;
    private InputStream bytes;
    private CharsetDecoder decoder;
    private ByteBuffer byteBuf;
    private boolean bytesEnded;
    private String pendingDecodeError;
    private boolean bomChecked;
    private final String file;
    private final int maxRecordChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private char[] rec = new char[4096];
    private int recLen;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private long[] fieldLine = new long[64];
    private int[] fieldColumn = new int[64];
    private int count;
    private long recordLine;
    private long recordsRead;

    /** Position of the next character to read. */
    private long line = 1;
    private int column = 1;

    /** The field delimiter: detected in {@link #readHeader()} unless forced by {@link #dialect}. */
    private char delimiter = ',';
    private boolean delimiterForced;
    private boolean dialectSettled;
    private boolean sepLine;
    /** ',' under {@link CsvDialect#decimalComma()}, else '.'. */
    private char decimalPoint = '.';
    /** Header width once read: blank cells beyond it (Excel's empty trailing columns) are dropped. */
    private int headerWidth;

    private List<String> header = List.of();
    private long[] headerLine = new long[0];
    private int[] headerColumn = new int[0];

    /**
     * @param in the characters to read (the caller decides the encoding; see {@link #open(Path)})
     * @param file the name used in error messages
     * @param maxRecordChars the longest record accepted, in characters
     */
    public CsvReader(Reader in, String file, int maxRecordChars) {
        if (maxRecordChars < 16) {
            throw new IllegalArgumentException("maxRecordChars must be at least 16, got " + maxRecordChars);
        }
        this.in = in;
        this.file = file;
        this.maxRecordChars = maxRecordChars;
    }

    /** Opens a UTF-8 file (BOM tolerated, malformed bytes reported) with the default limits. */
    public static CsvReader open(Path path) throws IOException {
        return open(Files.newInputStream(path), path.getFileName().toString(), DEFAULT_MAX_RECORD_CHARS);
    }

    /** Reads UTF-8 from {@code stream}; the reader owns and closes the stream. */
    public static CsvReader open(InputStream stream, String file, int maxRecordChars) {
        return new CsvReader(stream, file, maxRecordChars);
    }

    private CsvReader(InputStream stream, String file, int maxRecordChars) {
        this((Reader) null, file, maxRecordChars);
        this.bytes = stream;
        this.decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.byteBuf = ByteBuffer.allocate(1 << 16);
        this.byteBuf.flip();
    }

    public String file() {
        return file;
    }

    /** Forces the delimiter and/or decimal comma; call before {@link #readHeader()}. */
    public CsvReader dialect(CsvDialect dialect) {
        if (dialect != null) {
            if (dialect.delimiter() != null) {
                delimiter = dialect.delimiter();
                delimiterForced = true;
            }
            decimalPoint = dialect.decimalComma() ? ',' : '.';
        }
        return this;
    }

    /** The delimiter in use (after {@link #readHeader()}: as detected or forced). */
    public char delimiter() {
        return delimiter;
    }

    /** True when the file began with Excel's {@code sep=} line (skipped). */
    public boolean hadSepLine() {
        return sepLine;
    }

    /**
     * Decides the delimiter from the start of the file: Excel's {@code sep=X} first line names it
     * (and is skipped); else, unless forced, the most frequent of comma, semicolon and tab outside
     * quotes in the header line, comma on a tie. Pipes are not candidates: RouterBench column names
     * hold them.
     */
    private void settleDialect() throws IOException, ImportException {
        if (dialectSettled) {
            return;
        }
        dialectSettled = true;
        if (peek() < 0) {
            return;
        }
        int p = pos;
        if (limit - p >= 5 && (buf[p] == 's' || buf[p] == 'S') && (buf[p + 1] == 'e' || buf[p + 1] == 'E')
                && (buf[p + 2] == 'p' || buf[p + 2] == 'P') && buf[p + 3] == '=') {
            char c = buf[p + 4];
            int q = p + 5;
            while (q < limit && buf[q] == ' ') {
                q++;
            }
            if (c != '\n' && c != '\r' && c != '"' && (q == limit || buf[q] == '\n' || buf[q] == '\r')) {
                if (!delimiterForced) {
                    delimiter = c;
                }
                sepLine = true;
                for (int k = p; k < q; k++) {
                    read();
                }
                int nl = peek();
                if (nl == '\r') {
                    read();
                    if (peek() == '\n') {
                        read();
                    }
                } else if (nl == '\n') {
                    read();
                }
                return;
            }
        }
        if (delimiterForced) {
            return;
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int k = p; k < limit; k++) {
            char ch = buf[k];
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == '\n' || ch == '\r') {
                    break;
                }
                if (ch == ',') {
                    commas++;
                } else if (ch == ';') {
                    semicolons++;
                } else if (ch == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            delimiter = ';';
        } else if (tabs > commas && tabs > semicolons) {
            delimiter = '\t';
        }
    }

    /**
     * Reads the first record as the header (names trimmed). Throws when the file is empty or a
     * column name is blank or repeated (a header cell may be blank only in the first column, the
     * unnamed index column pandas writes).
     */
    public List<String> readHeader() throws ImportException, IOException {
        settleDialect();
        if (decimalPoint == ',' && delimiter == ',') {
            throw new ImportException(SourceLocation.at(file, line, 1), "the file is comma-delimited, so its numbers cannot"
                    + " use decimal commas; drop --decimal-comma, or pass the file's delimiter with --delimiter");
        }
        if (!next()) {
            throw new ImportException(SourceLocation.ofFile(file), "the file is empty; expected a header line");
        }
        // Excel keeps formatted but empty columns as blank trailing header cells: not columns.
        int width = count;
        while (width > 1 && isBlank(width - 1)) {
            width--;
        }
        count = width;
        List<String> names = new ArrayList<>(count);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = get(i).strip();
            if (name.isEmpty() && i > 0) {
                throw new ImportException(SourceLocation.at(file, fieldLine[i], fieldColumn[i]),
                        "column " + (i + 1) + " of the header has no name");
            }
            Integer previous = seen.putIfAbsent(name, i);
            if (previous != null) {
                throw new ImportException(SourceLocation.atField(file, fieldLine[i], fieldColumn[i], name),
                        "column name '" + name + "' appears twice in the header (columns " + (previous + 1) + " and " + (i + 1) + ")");
            }
            names.add(name);
        }
        header = Collections.unmodifiableList(names);
        headerWidth = names.size();
        headerLine = java.util.Arrays.copyOf(fieldLine, count);
        headerColumn = java.util.Arrays.copyOf(fieldColumn, count);
        return header;
    }

    public List<String> header() {
        return header;
    }

    /** Where header cell {@code i} is, named by it; the header line when {@code i} is out of range. */
    public SourceLocation headerLocation(int i) {
        if (i < 0 || i >= header.size()) {
            return SourceLocation.at(file, headerLine.length > 0 ? headerLine[0] : 1, 0);
        }
        return new SourceLocation(file, headerLine[i], headerColumn[i], header.get(i));
    }

    /**
     * Advances to the next non-blank record. Returns false at the end of the input.
     */
    public boolean next() throws ImportException, IOException {
        while (readRecord()) {
            if (count == 1 && end[0] == start[0] && !lastFieldQuoted) {
                continue;
            }
            if (count > 1 && isBlank(0) && allBlank()) {
                continue; // a row of empty cells (Excel writes them under a table): a blank line
            }
            if (count > headerWidth && headerWidth > 0) {
                while (count > headerWidth && isBlank(count - 1)) {
                    count--;
                }
            }
            recordsRead++;
            return true;
        }
        return false;
    }

    private boolean allBlank() {
        for (int i = 1; i < count; i++) {
            if (!isBlank(i)) {
                return false;
            }
        }
        return true;
    }

    /** Number of fields in the current record. */
    public int size() {
        return count;
    }

    /** Physical line where the current record starts. */
    public long recordLine() {
        return recordLine;
    }

    /** Records returned so far, the header included. */
    public long recordsRead() {
        return recordsRead;
    }

    public String get(int i) {
        return new String(rec, start[i], end[i] - start[i]);
    }

    /** The field without surrounding white space. */
    public String getTrimmed(int i) {
        int s = start[i];
        int e = end[i];
        while (s < e && rec[s] <= ' ') {
            s++;
        }
        while (e > s && rec[e - 1] <= ' ') {
            e--;
        }
        return new String(rec, s, e - s);
    }

    /**
     * The current record's characters; field {@code i} is {@code [fieldStart(i), fieldEnd(i))}.
     * Valid only until the next call to {@link #next()}; for allocation-free parsing of big cells.
     */
    public char[] chars() {
        return rec;
    }

    public int fieldStart(int i) {
        return start[i];
    }

    public int fieldEnd(int i) {
        return end[i];
    }

    /** True when the trimmed field equals {@code text} exactly; allocation-free. */
    public boolean contentEquals(int i, String text) {
        int s = start[i];
        int e = end[i];
        while (s < e && rec[s] <= ' ') {
            s++;
        }
        while (e > s && rec[e - 1] <= ' ') {
            e--;
        }
        if (e - s != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (rec[s + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    public int length(int i) {
        return end[i] - start[i];
    }

    /** True when the field is empty or only white space. */
    public boolean isBlank(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (rec[k] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** True when the trimmed field equals {@code text}, ignoring ASCII case; allocation-free. */
    public boolean equalsIgnoreCase(int i, String text) {
        int s = start[i];
        int e = end[i];
        while (s < e && rec[s] <= ' ') {
            s++;
        }
        while (e > s && rec[e - 1] <= ' ') {
            e--;
        }
        if (e - s != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            char a = rec[s + k];
            char b = text.charAt(k);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    public long line(int i) {
        return fieldLine[i];
    }

    public long column(int i) {
        return fieldColumn[i];
    }

    /** Where field {@code i} starts, named by its header column when there is one. */
    public SourceLocation location(int i) {
        String name = i < header.size() ? header.get(i) : null;
        if (i >= count) {
            return new SourceLocation(file, recordLine, 0, name);
        }
        return new SourceLocation(file, fieldLine[i], fieldColumn[i], name);
    }

    /** A located error about field {@code i}. */
    public ImportException error(int i, String problem) {
        return new ImportException(location(i), problem);
    }

    /** A located error about the current record as a whole. */
    public ImportException recordError(String problem) {
        return new ImportException(SourceLocation.at(file, recordLine, 1), problem);
    }

    /**
     * Parses field {@code i} as a finite decimal number. Plain decimals (the overwhelming case) are
     * parsed without allocating; anything else falls back to the JDK after a character check, so
     * Java-only spellings such as {@code 1d} or {@code 0x1p3} are rejected, as are NaN and Infinity.
     *
     * @throws ImportException naming the cell when the text is not a finite number
     */
    public double number(int i) throws ImportException {
        int s = start[i];
        int e = end[i];
        while (s < e && rec[s] <= ' ') {
            s++;
        }
        while (e > s && rec[e - 1] <= ' ') {
            e--;
        }
        if (s == e) {
            throw error(i, "expected a number, found an empty cell");
        }
        int k = s;
        boolean negative = false;
        if (rec[k] == '-' || rec[k] == '+') {
            negative = rec[k] == '-';
            k++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        while (k < e && rec[k] >= '0' && rec[k] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (rec[k] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                scale--;
            }
            any = true;
            k++;
        }
        if (k < e && rec[k] == decimalPoint) {
            k++;
            while (k < e && rec[k] >= '0' && rec[k] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (rec[k] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale++;
                }
                any = true;
                k++;
            }
        }
        if (any && k < e && (rec[k] == 'e' || rec[k] == 'E') && k + 1 < e) {
            int x = k + 1;
            boolean negExp = false;
            if (rec[x] == '-' || rec[x] == '+') {
                negExp = rec[x] == '-';
                x++;
            }
            int exp = 0;
            int expDigits = 0;
            while (x < e && rec[x] >= '0' && rec[x] <= '9' && expDigits < 4) {
                exp = exp * 10 + (rec[x] - '0');
                expDigits++;
                x++;
            }
            if (expDigits > 0 && x == e) {
                scale += negExp ? exp : -exp;
                k = e;
            }
        }
        if (k == e && any && digits <= 15 && scale <= 22 && scale >= -22) {
            double v = scale >= 0 ? mantissa / POW10[scale] : mantissa * POW10[-scale];
            return negative ? -v : v;
        }
        return slowNumber(i, s, e);
    }

    private double slowNumber(int i, int s, int e) throws ImportException {
        String text = new String(rec, s, e - s);
        if (decimalPoint == ',') {
            text = text.replace(',', '.');
        } else if (DECIMAL_COMMA.matcher(text).matches()) {
            throw error(i, "'" + abbreviate(text) + "' has a decimal comma; the file looks "
                    + (delimiter == ';' ? "" : "like a European export, ") + EUROPEAN_HINT);
        }
        for (int k = s; k < e; k++) {
            char c = rec[k];
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == ',' && decimalPoint == ',')) {
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("nan") || lower.contains("inf")) {
                    throw error(i, "'" + text + "' is not allowed here; expected a finite number");
                }
                throw error(i, "'" + abbreviate(text) + "' is not a number");
            }
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw error(i, "'" + abbreviate(text) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw error(i, "'" + abbreviate(text) + "' is out of range; expected a finite number");
        }
        return v;
    }

    /** What to tell the user about a European export: the wording, a contract for support. */
    public static final String EUROPEAN_HINT =
            "semicolon-delimited with decimal commas: export with commas, or pass --delimiter ';' --decimal-comma";
    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("[+-]?[0-9]*,[0-9]+");

    /** Shortens user text quoted in messages so a 60 MB cell does not become a 60 MB message. */
    public static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
        if (bytes != null) {
            bytes.close();
        }
    }

    // ---------------------------------------------------------------- parsing

    private boolean lastFieldQuoted;

    private int read() throws IOException, ImportException {
        if (pos == limit) {
            if (!fill()) {
                return -1;
            }
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c == '\r') {
            if (peek() != '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        } else {
            column++;
        }
        return c;
    }

    private int peek() throws IOException, ImportException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException, ImportException {
        if (eof) {
            return false;
        }
        if (bytes != null) {
            return fillFromBytes();
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (CharacterCodingException e) {
            throw notUtf8(e.getClass().getSimpleName());
        }
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        skipBom();
        return pos < limit || fill();
    }

    /**
     * Decodes the next chunk. A malformed byte is reported only once every character before it has
     * been consumed, so the error points at the exact line and column.
     */
    private boolean fillFromBytes() throws IOException, ImportException {
        if (pendingDecodeError != null) {
            throw notUtf8(pendingDecodeError);
        }
        CharBuffer out = CharBuffer.wrap(buf);
        while (true) {
            CoderResult r = decoder.decode(byteBuf, out, bytesEnded);
            if (r.isError()) {
                pendingDecodeError = (r.isMalformed() ? "malformed" : "unmappable") + " byte sequence";
            } else if (r.isUnderflow() && bytesEnded) {
                decoder.flush(out);
            }
            if (out.position() > 0) {
                pos = 0;
                limit = out.position();
                skipBom();
                return pos < limit || fill();
            }
            if (pendingDecodeError != null) {
                throw notUtf8(pendingDecodeError);
            }
            if (bytesEnded) {
                eof = true;
                return false;
            }
            byteBuf.compact();
            int n = bytes.read(byteBuf.array(), byteBuf.position(), byteBuf.remaining());
            if (n < 0) {
                bytesEnded = true;
            } else {
                byteBuf.position(byteBuf.position() + n);
            }
            byteBuf.flip();
        }
    }

    private void skipBom() {
        if (!bomChecked) {
            bomChecked = true;
            if (limit > 0 && buf[0] == '\uFEFF') {
                pos = 1;
            }
        }
    }

    private ImportException notUtf8(String what) {
        return new ImportException(SourceLocation.at(file, line, column),
                "the file is not valid UTF-8 here (" + what + "); save it as UTF-8 and import again");
    }

    private void append(int c) throws ImportException {
        if (recLen == rec.length) {
            if (recLen >= maxRecordChars) {
                throw new ImportException(SourceLocation.at(file, recordLine, 1),
                        "the record starting here is longer than " + maxRecordChars + " characters (the limit);"
                                + " the file is probably not CSV or has an unbalanced quote");
            }
            int n = (int) Math.min((long) maxRecordChars, Math.max(16L, (long) rec.length * 2));
            rec = java.util.Arrays.copyOf(rec, n);
        }
        rec[recLen++] = (char) c;
    }

    private void appendRun(int from, int to) throws ImportException {
        int n = to - from;
        if (recLen + n > rec.length) {
            if ((long) recLen + n > maxRecordChars) {
                throw new ImportException(SourceLocation.at(file, recordLine, 1),
                        "the record starting here is longer than " + maxRecordChars + " characters (the limit);"
                                + " the file is probably not CSV or has an unbalanced quote");
            }
            int size = (int) Math.min((long) maxRecordChars, Math.max((long) recLen + n, (long) rec.length * 2));
            rec = java.util.Arrays.copyOf(rec, size);
        }
        System.arraycopy(buf, from, rec, recLen, n);
        recLen += n;
    }

    private void startField() throws ImportException {
        if (count == start.length) {
            if (count >= MAX_FIELDS) {
                throw new ImportException(SourceLocation.at(file, recordLine, 1),
                        "the record starting here has more than " + MAX_FIELDS + " fields; the file is probably not CSV");
            }
            int n = count * 2;
            start = java.util.Arrays.copyOf(start, n);
            end = java.util.Arrays.copyOf(end, n);
            fieldLine = java.util.Arrays.copyOf(fieldLine, n);
            fieldColumn = java.util.Arrays.copyOf(fieldColumn, n);
        }
        start[count] = recLen;
        fieldLine[count] = line;
        fieldColumn[count] = column;
    }

    /** Reads one physical record (possibly spanning lines). */
    private boolean readRecord() throws IOException, ImportException {
        count = 0;
        recLen = 0;
        if (peek() < 0) {
            return false;
        }
        recordLine = line;
        final char d = delimiter;
        while (true) {
            startField();
            long openLine = line;
            int openColumn = column;
            int c = read();
            if (c == '"') {
                lastFieldQuoted = true;
                while (true) {
                    // Fast path: copy the run up to the next quote or line break in one go.
                    int p = pos;
                    final char[] b = buf;
                    final int lim = limit;
                    while (p < lim) {
                        char ch = b[p];
                        if (ch == '"' || ch == '\n' || ch == '\r') {
                            break;
                        }
                        p++;
                    }
                    if (p > pos) {
                        appendRun(pos, p);
                        column += p - pos;
                        pos = p;
                    }
                    c = read();
                    if (c < 0) {
                        throw new ImportException(SourceLocation.at(file, openLine, openColumn),
                                "the quoted field starting here is never closed (missing closing quote)");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            append('"');
                        } else {
                            break;
                        }
                    } else {
                        append(c);
                    }
                }
                end[count++] = recLen;
                long afterLine = line;
                int afterColumn = column;
                c = read();
                if (c == d) {
                    continue;
                }
                if (c == '\n' || c < 0) {
                    return true;
                }
                if (c == '\r') {
                    if (peek() == '\n') {
                        read();
                    }
                    return true;
                }
                throw new ImportException(SourceLocation.at(file, afterLine, afterColumn),
                        "unexpected character '" + printable(c) + "' after the closing quote of a field"
                                + " (a quote inside a quoted field must be doubled: \"\")");
            }
            lastFieldQuoted = false;
            while (true) {
                if (c >= 0 && c != d && c != '\n' && c != '\r') {
                    append(c);
                    int p = pos;
                    final char[] b = buf;
                    final int lim = limit;
                    while (p < lim) {
                        char ch = b[p];
                        if (ch == d || ch == '\n' || ch == '\r') {
                            break;
                        }
                        p++;
                    }
                    if (p > pos) {
                        appendRun(pos, p);
                        column += p - pos;
                        pos = p;
                    }
                    c = read();
                    continue;
                }
                if (c == d) {
                    end[count++] = recLen;
                    break;
                }
                if (c == '\n' || c < 0) {
                    end[count++] = recLen;
                    return true;
                }
                if (c == '\r') {
                    end[count++] = recLen;
                    if (peek() == '\n') {
                        read();
                    }
                    return true;
                }
                append(c);
                c = read();
            }
        }
    }

    private static String printable(int c) {
        if (c < ' ') {
            return String.format("\\u%04x", c);
        }
        return String.valueOf((char) c);
    }
}
