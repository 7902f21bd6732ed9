package dev.switchyard.engine.routing;

import dev.switchyard.engine.routing.oracle.HindsightPool;
import dev.switchyard.engine.routing.oracle.HindsightRouter;
import dev.switchyard.engine.routing.oracle.HindsightRouterFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The router registry and facade: every router by its CLI name, with descriptor and factory, plus
 * the predictors and text feature extractors. {@link #standard()} has the built-ins and whatever
 * {@link RoutingProvider}s are on the class path. Names from the CLI contract whose implementation
 * has not landed are listed with {@code available = false} and fail clearly when created.
 */
public final class Routers {
    /** The CLI contract's names, in the order the app lists them. */
    public static final List<String> CONTRACT_NAMES = List.of("slarouter", "messplus", "proteus", "omnirouter",
            "best-fixed", "cheapest", "cheapest-meeting-target", "random-mix", "threshold", "cascade", "oracle",
            "sla-oracle");

    private final Map<String, RouterFactory> routers;
    private final Map<String, HindsightRouterFactory> bounds;
    private final Map<String, RouterDescriptor> descriptors;
    private final List<PredictorFactory> predictors;
    private final List<TextFeatureExtractor> extractors;

    private Routers(Map<String, RouterFactory> routers, Map<String, HindsightRouterFactory> bounds,
            Map<String, RouterDescriptor> descriptors, List<PredictorFactory> predictors, List<TextFeatureExtractor> extractors) {
        this.routers = routers;
        this.bounds = bounds;
        this.descriptors = descriptors;
        this.predictors = List.copyOf(predictors);
        this.extractors = List.copyOf(extractors);
    }

    private static final class Holder {
        static final Routers STANDARD = build(loadProviders());
    }

    /** Built-ins plus {@link ServiceLoader}-registered providers. Loaded once, immutable. */
    public static Routers standard() {
        return Holder.STANDARD;
    }

    /** A registry from built-ins plus the given providers (tests, embedding). */
    public static Routers with(List<RoutingProvider> providers) {
        return build(providers);
    }

    private static List<RoutingProvider> loadProviders() {
        List<RoutingProvider> out = new ArrayList<>();
        for (RoutingProvider p : ServiceLoader.load(RoutingProvider.class, Routers.class.getClassLoader())) {
            out.add(p);
        }
        // deterministic order whatever the class path order
        out.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        return out;
    }

    private static Routers build(List<RoutingProvider> providers) {
        Map<String, RouterFactory> routers = new LinkedHashMap<>();
        Map<String, HindsightRouterFactory> bounds = new LinkedHashMap<>();
        List<PredictorFactory> predictors = new ArrayList<>(BuiltIns.predictors());
        List<TextFeatureExtractor> extractors = new ArrayList<>();
        for (RouterFactory f : BuiltIns.routers()) {
            routers.put(f.descriptor().name(), f);
        }
        for (HindsightRouterFactory f : BuiltIns.bounds()) {
            bounds.put(f.descriptor().name(), f);
        }
        for (RoutingProvider p : providers) {
            for (RouterFactory f : p.routers()) {
                if (f.descriptor().isBound()) {
                    throw new IllegalStateException("provider " + p.getClass().getName() + " offers '" + f.descriptor().name()
                            + "' as a router with role BOUND; bounds go through HindsightRouterFactory");
                }
                routers.put(f.descriptor().name(), f);
            }
            for (PredictorFactory f : p.predictors()) {
                predictors.removeIf(x -> x.name().equals(f.name()));
                predictors.add(f);
            }
            extractors.addAll(p.textFeatureExtractors());
        }
        Map<String, RouterDescriptor> descriptors = new LinkedHashMap<>();
        for (String name : CONTRACT_NAMES) {
            RouterDescriptor d = routers.containsKey(name) ? routers.get(name).descriptor()
                    : bounds.containsKey(name) ? bounds.get(name).descriptor() : BuiltIns.pending(name);
            descriptors.put(name, d);
        }
        for (Map.Entry<String, RouterFactory> e : routers.entrySet()) {
            descriptors.putIfAbsent(e.getKey(), e.getValue().descriptor());
        }
        return new Routers(Collections.unmodifiableMap(routers), Collections.unmodifiableMap(bounds),
                Collections.unmodifiableMap(descriptors), predictors, extractors);
    }

    /** Every router and bound, contract names first. */
    public List<RouterDescriptor> descriptors() {
        return List.copyOf(descriptors.values());
    }

    /** Descriptors of the routers that can be created now. */
    public List<RouterDescriptor> available() {
        return descriptors.values().stream().filter(RouterDescriptor::available).toList();
    }

    /** @throws IllegalArgumentException for an unknown name, with the known names */
    public RouterDescriptor descriptor(String name) {
        RouterDescriptor d = descriptors.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown router '" + name + "'; known routers: " + String.join(", ", descriptors.keySet()));
        }
        return d;
    }

    /**
     * Creates a deployable router. Parameters are validated against its descriptor.
     *
     * @throws IllegalArgumentException unknown name, bad parameter, or a bound (use {@link #createBound})
     * @throws UnsupportedOperationException when the router has not landed yet
     */
    public Router create(String name, RoutingContext context, RouterParameters parameters) {
        RouterDescriptor d = descriptor(name);
        if (d.isBound()) {
            throw new IllegalArgumentException("'" + name + "' is a hindsight bound, not a router; it is built with createBound");
        }
        RouterFactory f = routers.get(name);
        if (f == null || !d.available()) {
            throw new UnsupportedOperationException("router '" + name + "' is not yet available in this build");
        }
        return f.create(context, parameters.resolve(d));
    }

    /** Creates a hindsight bound (oracle). Only the simulator calls this, with the evaluation pool. */
    public HindsightRouter createBound(String name, RoutingContext context, RouterParameters parameters, HindsightPool pool) {
        RouterDescriptor d = descriptor(name);
        HindsightRouterFactory f = bounds.get(name);
        if (f == null) {
            throw new IllegalArgumentException("'" + name + "' is not a hindsight bound");
        }
        return f.create(context, parameters.resolve(d), pool);
    }

    public boolean isBound(String name) {
        return descriptor(name).isBound();
    }

    public List<PredictorFactory> predictors() {
        return predictors;
    }

    public Optional<PredictorFactory> predictor(String name) {
        return predictors.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<TextFeatureExtractor> textFeatureExtractors() {
        return extractors;
    }

    public Optional<TextFeatureExtractor> textFeatureExtractor(String name) {
        return extractors.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
