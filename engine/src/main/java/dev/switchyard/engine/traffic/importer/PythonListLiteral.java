package dev.switchyard.engine.traffic.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Python list-of-strings literals RouterBench stores prompts and responses in, such as
 * {@code ['turn one', "it's two"]}: single, double and triple quotes, r/u/b prefixes, escapes
 * ({@code \n}, {@code \'}, {@code \xNN}, {@code \\uNNNN}...), adjacent literals concatenated, raw
 * line breaks inside a literal tolerated. Text that is not such a literal is returned as it is: a
 * plain prompt is a prompt too.
 *
 * <p>Works on a {@code char[]} range so the importers can parse a CSV cell in place; one parser
 * instance reuses its output buffer across rows (not thread-safe).
 */
public final class PythonListLiteral {
    private char[] out = new char[1024];
    private int len;
    private final List<String> turns = new ArrayList<>(4);

    /** The turns joined with newlines, or {@code text} unchanged when it is not a list literal. */
    public static String joinedText(String text) {
        char[] chars = text.toCharArray();
        String joined = new PythonListLiteral().join(chars, 0, chars.length);
        return joined == null ? text : joined;
    }

    /** The strings of the list, or null when {@code text} is not a list of string literals. */
    public static List<String> parse(String text) {
        char[] chars = text.toCharArray();
        PythonListLiteral p = new PythonListLiteral();
        return p.parseTurns(chars, 0, chars.length) ? List.copyOf(p.turns) : null;
    }

    /** The turns of {@code src[from, to)} joined with newlines, or null when it is not a list literal. */
    String join(char[] src, int from, int to) {
        if (!parseTurns(src, from, to)) {
            return null;
        }
        if (turns.size() == 1) {
            return turns.get(0);
        }
        return String.join("\n", turns);
    }

    /** Like {@link #join} but the raw text (as a String) when it is not a list literal. */
    String joinedOrRaw(char[] src, int from, int to) {
        String joined = join(src, from, to);
        return joined != null ? joined : new String(src, from, to - from);
    }

    private boolean parseTurns(char[] s, int from, int n) {
        turns.clear();
        int i = skipSpace(s, from, n);
        if (i >= n || s[i] != '[') {
            return false;
        }
        i = skipSpace(s, i + 1, n);
        if (i < n && s[i] == ']') {
            return skipSpace(s, i + 1, n) == n;
        }
        while (true) {
            len = 0;
            boolean anyLiteral = false;
            while (true) {
                i = skipSpace(s, i, n);
                int after = readLiteral(s, i, n);
                if (after < 0) {
                    if (!anyLiteral) {
                        return false;
                    }
                    break;
                }
                anyLiteral = true;
                i = after;
            }
            turns.add(new String(out, 0, len));
            if (i >= n) {
                return false;
            }
            char c = s[i];
            if (c == ',') {
                i = skipSpace(s, i + 1, n);
                if (i < n && s[i] == ']') {
                    return skipSpace(s, i + 1, n) == n;
                }
                continue;
            }
            if (c == ']') {
                return skipSpace(s, i + 1, n) == n;
            }
            return false;
        }
    }

    private static int skipSpace(char[] s, int i, int n) {
        while (i < n && Character.isWhitespace(s[i])) {
            i++;
        }
        return i;
    }

    private void put(char c) {
        if (len == out.length) {
            out = Arrays.copyOf(out, len * 2);
        }
        out[len++] = c;
    }

    private void put(char[] s, int from, int to) {
        int k = to - from;
        if (len + k > out.length) {
            out = Arrays.copyOf(out, Math.max(len + k, out.length * 2));
        }
        System.arraycopy(s, from, out, len, k);
        len += k;
    }

    private void putCodePoint(int cp) {
        if (Character.isBmpCodePoint(cp)) {
            put((char) cp);
        } else {
            put(Character.highSurrogate(cp));
            put(Character.lowSurrogate(cp));
        }
    }

    /** Appends one string literal at {@code i}; returns the index after it, or -1 (output unchanged). */
    private int readLiteral(char[] s, int i, int n) {
        boolean raw = false;
        int k = i;
        while (k < n && k - i < 2 && "rRuUbB".indexOf(s[k]) >= 0) {
            raw |= s[k] == 'r' || s[k] == 'R';
            k++;
        }
        if (k >= n || (s[k] != '\'' && s[k] != '"')) {
            return -1;
        }
        char quote = s[k];
        boolean triple = k + 2 < n && s[k + 1] == quote && s[k + 2] == quote;
        k += triple ? 3 : 1;
        int mark = len;
        while (k < n) {
            int run = k;
            while (run < n && s[run] != quote && s[run] != '\\') {
                run++;
            }
            if (run > k) {
                put(s, k, run);
                k = run;
                if (k >= n) {
                    break;
                }
            }
            char c = s[k];
            if (c == quote) {
                if (!triple) {
                    return k + 1;
                }
                if (k + 2 < n && s[k + 1] == quote && s[k + 2] == quote) {
                    return k + 3;
                }
                put(c);
                k++;
                continue;
            }
            // c is a backslash
            if (k + 1 >= n) {
                put(c);
                k++;
                continue;
            }
            char e = s[k + 1];
            k += 2;
            if (raw) {
                put(c);
                put(e);
                continue;
            }
            switch (e) {
                case 'n' -> put('\n');
                case 't' -> put('\t');
                case 'r' -> put('\r');
                case '\\' -> put('\\');
                case '\'' -> put('\'');
                case '"' -> put('"');
                case 'a' -> put('\u0007');
                case 'b' -> put('\b');
                case 'f' -> put('\f');
                case 'v' -> put('\u000b');
                case '\n' -> { } // line continuation
                case 'x' -> k = hex(s, k, n, 2, e);
                case 'u' -> k = hex(s, k, n, 4, e);
                case 'U' -> k = hex(s, k, n, 8, e);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int d = 1;
                        while (d < 3 && k < n && s[k] >= '0' && s[k] <= '7') {
                            v = v * 8 + (s[k] - '0');
                            k++;
                            d++;
                        }
                        put((char) v);
                    } else {
                        put('\\'); // Python keeps unknown escapes as written
                        put(e);
                    }
                }
            }
        }
        len = mark;
        return -1;
    }

    private int hex(char[] s, int k, int n, int digits, char kind) {
        if (k + digits > n) {
            put('\\');
            put(kind);
            return k;
        }
        int v = 0;
        for (int d = 0; d < digits; d++) {
            int h = Character.digit(s[k + d], 16);
            if (h < 0) {
                put('\\');
                put(kind);
                return k;
            }
            v = v * 16 + h;
        }
        putCodePoint(Character.isValidCodePoint(v) ? v : 0xFFFD);
        return k + digits;
    }
}
