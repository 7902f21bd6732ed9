package dev.switchyard.engine.traffic.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Python list-of-strings literals RouterBench stores prompts and responses in, such as
 * {@code ['turn one', "it's two"]}: single, double and triple quotes, r/u/b prefixes, escapes
 * ({@code \n}, {@code \'}, {@code \xNN}, {@code \\uNNNN}...), adjacent literals concatenated.
 * Text that is not such a literal is returned as it is: a plain prompt is a prompt too.
 */
public final class PythonListLiteral {
    private PythonListLiteral() {
    }

    /** The turns joined with newlines, or {@code text} unchanged when it is not a list literal. */
    public static String joinedText(String text) {
        List<String> turns = parse(text);
        if (turns == null) {
            return text;
        }
        return turns.size() == 1 ? turns.get(0) : String.join("\n", turns);
    }

    /** The strings of the list, or null when {@code text} is not a list of string literals. */
    public static List<String> parse(String text) {
        int n = text.length();
        int i = skipSpace(text, 0);
        if (i >= n || text.charAt(i) != '[') {
            return null;
        }
        List<String> out = new ArrayList<>(2);
        StringBuilder sb = new StringBuilder(Math.min(n, 1 << 16));
        i = skipSpace(text, i + 1);
        if (i < n && text.charAt(i) == ']') {
            return skipSpace(text, i + 1) == n ? out : null;
        }
        while (true) {
            sb.setLength(0);
            boolean anyLiteral = false;
            while (true) {
                i = skipSpace(text, i);
                int after = readLiteral(text, i, sb);
                if (after < 0) {
                    if (!anyLiteral) {
                        return null;
                    }
                    break;
                }
                anyLiteral = true;
                i = after;
            }
            out.add(sb.toString());
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == ',') {
                i = skipSpace(text, i + 1);
                if (i < n && text.charAt(i) == ']') {
                    return skipSpace(text, i + 1) == n ? out : null;
                }
                continue;
            }
            if (c == ']') {
                return skipSpace(text, i + 1) == n ? out : null;
            }
            return null;
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Appends one string literal at {@code i} to {@code sb}; returns the index after it, or -1. */
    private static int readLiteral(String s, int i, StringBuilder sb) {
        int n = s.length();
        boolean raw = false;
        int k = i;
        while (k < n && k - i < 2 && "rRuUbB".indexOf(s.charAt(k)) >= 0) {
            raw |= s.charAt(k) == 'r' || s.charAt(k) == 'R';
            k++;
        }
        if (k >= n || (s.charAt(k) != '\'' && s.charAt(k) != '"')) {
            return -1;
        }
        char quote = s.charAt(k);
        boolean triple = k + 2 < n && s.charAt(k + 1) == quote && s.charAt(k + 2) == quote;
        k += triple ? 3 : 1;
        int mark = sb.length();
        while (k < n) {
            char c = s.charAt(k);
            if (c == quote) {
                if (!triple) {
                    return k + 1;
                }
                if (k + 2 < n && s.charAt(k + 1) == quote && s.charAt(k + 2) == quote) {
                    return k + 3;
                }
                sb.append(c);
                k++;
                continue;
            }
            if (c == '\\' && k + 1 < n) {
                char e = s.charAt(k + 1);
                if (raw) {
                    sb.append(c).append(e);
                    k += 2;
                    continue;
                }
                k += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\n' -> { } // line continuation
                    case 'x' -> k = hex(s, k, 2, sb);
                    case 'u' -> k = hex(s, k, 4, sb);
                    case 'U' -> k = hex(s, k, 8, sb);
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            int d = 1;
                            while (d < 3 && k < n && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
                                v = v * 8 + (s.charAt(k) - '0');
                                k++;
                                d++;
                            }
                            sb.append((char) v);
                        } else {
                            sb.append('\\').append(e); // Python keeps unknown escapes as written
                        }
                    }
                }
                continue;
            }
            sb.append(c);
            k++;
        }
        sb.setLength(mark);
        return -1;
    }

    private static int hex(String s, int k, int digits, StringBuilder sb) {
        if (k + digits > s.length()) {
            sb.append('\\').append(s, k - 1, s.length());
            return s.length();
        }
        int v = 0;
        for (int d = 0; d < digits; d++) {
            int h = Character.digit(s.charAt(k + d), 16);
            if (h < 0) {
                sb.append('\\').append(s.charAt(k - 1));
                return k;
            }
            v = v * 16 + h;
        }
        if (Character.isValidCodePoint(v)) {
            sb.appendCodePoint(v);
        } else {
            sb.append('\uFFFD');
        }
        return k + digits;
    }
}
