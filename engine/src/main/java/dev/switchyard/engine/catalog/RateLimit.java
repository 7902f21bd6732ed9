package dev.switchyard.engine.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model's per-minute capacity as the provider grants it to the team (decision 1403): at most
 * {@code requestsPerMinute} requests and {@code tokensPerMinute} tokens (input plus output) per minute, 0 meaning "no
 * limit of that kind", and the model that takes the requests beyond them. The fallback is a model id or alias of the
 * same catalog, or empty: then requests beyond the limit are served anyway and reported as over the limit.
 *
 * @param source where these limits come from (an account's tier page, a contract), free text; empty when not stated
 */
public record RateLimit(long requestsPerMinute, long tokensPerMinute, String fallback, String source) {

    public RateLimit {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("rate limit requestsPerMinute must be >= 0 (0 = no limit), got "
                    + requestsPerMinute);
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limit tokensPerMinute must be >= 0 (0 = no limit), got "
                    + tokensPerMinute);
        }
        if (requestsPerMinute == 0 && tokensPerMinute == 0) {
            throw new IllegalArgumentException("rate limit names neither requestsPerMinute nor tokensPerMinute (check the"
                    + " field names); leave rateLimit out for a model without limits");
        }
        fallback = fallback == null ? "" : fallback.strip();
        source = source == null ? "" : source.strip();
    }

    /** True when a fallback model is declared. */
    public boolean hasFallback() {
        return !fallback.isEmpty();
    }

    /** Reads a catalog entry: numbers must be whole, non-negative; fallback and source are optional. */
    @JsonCreator
    static RateLimit fromJson(@JsonProperty("requestsPerMinute") Double requestsPerMinute,
            @JsonProperty("tokensPerMinute") Double tokensPerMinute, @JsonProperty("fallback") String fallback,
            @JsonProperty("source") String source) {
        return new RateLimit(whole(requestsPerMinute, "requestsPerMinute"), whole(tokensPerMinute, "tokensPerMinute"),
                fallback, source);
    }

    private static long whole(Double v, String name) {
        if (v == null) {
            return 0;
        }
        if (!Double.isFinite(v) || v < 0 || v != Math.rint(v) || v > 1e15) {
            throw new IllegalArgumentException("rate limit " + name + " must be a whole number >= 0 (0 = no limit), got "
                    + (v == Math.rint(v) && Double.isFinite(v) ? String.valueOf(v.longValue()) : String.valueOf(v)));
        }
        return v.longValue();
    }
}
