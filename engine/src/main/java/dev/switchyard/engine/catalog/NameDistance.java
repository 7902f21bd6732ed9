package dev.switchyard.engine.catalog;

/** Edit distance between model names, for suggestions when a name does not resolve. */
public final class NameDistance {
    private NameDistance() {
    }

    public static int between(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Like {@link #between} but a provider prefix costs nothing: {@code together_ai/mistralai/Mixtral-8x7B}
     * is distance 0 from {@code mistralai/Mixtral-8x7B} (and from {@code Mixtral-8x7B}), because
     * price lists key the same model by provider routes. Both names are expected in one case.
     */
    public static int ignoringProvider(String a, String b) {
        if (a.endsWith(b) && (a.length() == b.length() || a.charAt(a.length() - b.length() - 1) == '/')
                || b.endsWith(a) && (b.length() == a.length() || b.charAt(b.length() - a.length() - 1) == '/')) {
            return 0;
        }
        return between(a, b);
    }
}
