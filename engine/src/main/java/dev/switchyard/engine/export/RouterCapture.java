package dev.switchyard.engine.export;

import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RoutingProvider;
import dev.switchyard.engine.routing.WarmState;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiFunction;

/**
 * Catches the router the simulator creates, so its state can go into a configuration: the initial
 * state is taken the moment it is created (before its first request), the warm state when asked
 * (after the run). Use it with a single-replication run (replication 0), whose router is the one a
 * configuration describes; the simulation itself is unchanged: the same factory builds the router.
 */
public final class RouterCapture {
    private final String name;
    private Router router;
    private RoutingConfig.StateDoc initial;

    public RouterCapture(String routerName) {
        this.name = routerName;
    }

    /** The standard registry, with {@code routerName}'s factory wrapped to capture what it builds. */
    public Routers registry() {
        return registryWith(name, (base, args) -> {
            Router r = base.create(args.context(), args.parameters());
            synchronized (this) {
                if (router != null) {
                    throw new IllegalStateException("router capture is for one replication; run the scenario with one");
                }
                router = r;
                initial = ConfiguredRouters.initialState(r);
            }
            return r;
        });
    }

    public synchronized Router router() {
        return router;
    }

    public synchronized RoutingConfig.StateDoc initialState() {
        return initial;
    }

    /** The captured router's warm state now (null when it has none or none was captured). */
    public synchronized RoutingConfig.StateDoc warmState() {
        WarmState w = router == null ? null : router.warmState();
        return w == null ? null : RoutingConfig.StateDoc.of(w);
    }

    /** What a replacing factory is handed. */
    public record Call(RoutingContext context, RouterParameters parameters) {
    }

    /**
     * The standard registry (built-ins and class-path providers) with router {@code routerName}
     * made by {@code maker}, which is given the standard factory and the call.
     */
    public static Routers registryWith(String routerName, BiFunction<RouterFactory, Call, Router> maker) {
        RouterDescriptor d = Routers.standard().descriptor(routerName);
        List<RoutingProvider> providers = new ArrayList<>();
        for (RoutingProvider p : ServiceLoader.load(RoutingProvider.class, Routers.class.getClassLoader())) {
            providers.add(p);
        }
        providers.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
        RouterFactory base = new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                return Routers.standard().create(routerName, context, parameters);
            }
        };
        RouterFactory wrapped = new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                return maker.apply(base, new Call(context, parameters));
            }
        };
        providers.add(new RoutingProvider() {
            @Override
            public List<RouterFactory> routers() {
                return List.of(wrapped);
            }
        });
        return Routers.with(providers);
    }
}
