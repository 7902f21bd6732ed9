package dev.switchyard.engine.plan;

import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs the planner's simulations and remembers them: one run per (base scenario, timeline, router,
 * parameters, aim), whatever question asked for it, so the app's recommendation, negotiation and
 * budget share their runs. Every run of a base scenario uses the same seed, so all routers and all
 * aims face the same requests with the same truth (paired comparisons).
 */
final class RunBook {
    private static final int MAX_RESULTS = 4000;

    private final Routers registry;
    private final TimelineSimulation simulation;
    private final Map<RunKey, Outcome> results = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<RunKey, Outcome> eldest) {
            return size() > MAX_RESULTS;
        }
    });

    RunBook(Routers registry) {
        this.registry = registry;
        this.simulation = new TimelineSimulation(registry);
    }

    /** One router setting: parameters and the target the router is told to aim at. */
    record Setting(String router, RouterParameters params, double aim) {
    }

    private record RunKey(Scenario base, List<TimelineEvent> events, Setting setting) {
    }

    /** The scenario without the parts a setting replaces, as a cache key. */
    static Scenario keyOf(Scenario base) {
        return base.withRouter("planner", RouterParameters.none()).withTarget(0.5);
    }

    /**
     * The setting already run on this base that means the same as {@code asked} (same router and aim, parameters
     * equal once defaults are filled in: the planner adds tauMin/tauMax, a screen sends every value), else
     * {@code asked}.
     */
    Setting known(Scenario base, List<TimelineEvent> events, Setting asked) {
        Scenario key = keyOf(base);
        RouterDescriptor d = registry.descriptor(asked.router());
        RouterParameters want = asked.params().resolve(d);
        synchronized (results) {
            for (RunKey k : results.keySet()) {
                Setting s = k.setting();
                if (s.router().equals(asked.router()) && Math.abs(s.aim() - asked.aim()) < 1e-9 && k.base().equals(key)
                        && k.events().equals(events) && s.params().resolve(d).equals(want)) {
                    return s;
                }
            }
        }
        return asked;
    }

    /** True when a setting meaning the same as {@code asked} has been run on this base (see {@link #known}). */
    boolean isKnown(Scenario base, List<TimelineEvent> events, Setting asked) {
        return results.containsKey(new RunKey(keyOf(base), events, known(base, events, asked)));
    }

    void clear() {
        results.clear();
        simulation.clear();
    }

    /**
     * Runs every setting not already known, on {@code threads} workers. Offline routers train once per
     * replication: the first setting of such a router runs before its others, which then reuse the
     * trained policy. {@code groupDone} is called (on a worker) once all settings of a router are known.
     */
    Map<Setting, Outcome> run(Scenario base, List<TimelineEvent> events, List<Setting> settings, int threads,
            RunControl control, BiConsumer<String, Map<Setting, Outcome>> groupDone)
            throws CostTable.UnpricedModelsException {
        Scenario key = keyOf(base);
        simulation.prepare(base, events); // once, before the parallel phase (and its errors are the caller's)
        Map<String, List<Setting>> groups = new LinkedHashMap<>();
        for (Setting s : settings) {
            groups.computeIfAbsent(s.router(), k -> new ArrayList<>()).add(s);
        }
        Map<Setting, Outcome> out = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Setting> todo = new ArrayList<>();
        for (Setting s : settings) {
            Outcome hit = results.get(new RunKey(key, events, s));
            if (hit != null) {
                out.put(s, hit);
            } else if (!todo.contains(s)) {
                todo.add(s);
            }
        }
        int total = todo.size();
        AtomicInteger done = new AtomicInteger();
        RunControl inner = new RunControl() {
            @Override
            public boolean isCancelled() {
                return control.isCancelled();
            }
        };
        ExecutorService pool = total == 0 ? null : Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), r -> {
            Thread t = new Thread(r, "switchyard-planner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (Map.Entry<String, List<Setting>> g : groups.entrySet()) {
                RouterDescriptor d = registry.descriptor(g.getKey());
                boolean trainsFirst = d.role() == RouterDescriptor.Role.OFFLINE;
                List<CompletableFuture<?>> members = new ArrayList<>();
                CompletableFuture<?> gate = null;
                for (Setting s : g.getValue()) {
                    if (!todo.contains(s) || out.containsKey(s)) {
                        continue;
                    }
                    Runnable task = () -> {
                        if (control.isCancelled()) {
                            throw new CancellationException("planning cancelled");
                        }
                        Outcome r = simulation.run(base, events, s.router(), s.params(), s.aim(), inner);
                        results.put(new RunKey(key, events, s), r);
                        out.put(s, r);
                        control.progress(done.incrementAndGet(), total);
                    };
                    CompletableFuture<?> f;
                    if (gate == null) {
                        f = CompletableFuture.runAsync(task, pool);
                        if (trainsFirst) {
                            gate = f;
                        }
                    } else {
                        f = gate.thenRunAsync(task, pool);
                    }
                    members.add(f);
                }
                String router = g.getKey();
                List<Setting> mine = g.getValue();
                CompletableFuture<?> groupFuture = CompletableFuture.allOf(members.toArray(CompletableFuture[]::new)).thenRun(() -> {
                    Map<Setting, Outcome> part = new LinkedHashMap<>();
                    for (Setting s : mine) {
                        part.put(s, out.get(s));
                    }
                    groupDone.accept(router, part);
                });
                all.add(groupFuture);
            }
            for (CompletableFuture<?> f : all) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Map<Setting, Outcome> ordered = new LinkedHashMap<>();
        for (Setting s : settings) {
            ordered.put(s, out.get(s));
        }
        return ordered;
    }
}
