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
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

    /** Settings whose first replication decided them (never served as a full run). */
    private final Map<RunKey, Outcome> firstOnly = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
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
        firstOnly.clear();
        simulation.clear();
    }

    /**
     * Runs every setting not already known, on {@code threads} workers (see the full form below).
     */
    Map<Setting, Outcome> run(Scenario base, List<TimelineEvent> events, List<Setting> settings, int threads,
            RunControl control, BiConsumer<String, Map<Setting, Outcome>> groupDone)
            throws CostTable.UnpricedModelsException {
        return run(base, events, settings, threads, control, groupDone, null, null);
    }

    /**
     * Runs every setting not already known, on {@code threads} workers, one replication per task: every
     * setting's first replication before any setting's second, so a first answer from one replication of
     * everything is known early ({@code firstDone}), then the remaining replications. Offline routers train
     * once per replication: a replication of a router's first setting runs before the same replication of its
     * other settings, which reuse the trained policy. Replication r is the same whichever task computes it, so
     * the joined outcome is exactly the full run's, whatever the thread count.
     *
     * @param decidedByFirst given a setting's first replication, true when that replication alone already
     *     decides the setting's verdict (so its other replications need not run; its outcome is then that first
     *     replication only); null = run every replication
     * @param firstDone called once (on a worker) when every setting's first replication is known, with those
     *     first replications; null = not wanted
     * @param groupDone called (on a worker) once all settings of a router are known
     */
    Map<Setting, Outcome> run(Scenario base, List<TimelineEvent> events, List<Setting> settings, int threads,
            RunControl control, BiConsumer<String, Map<Setting, Outcome>> groupDone, Predicate<Outcome> decidedByFirst,
            Consumer<Map<Setting, Outcome>> firstDone) throws CostTable.UnpricedModelsException {
        return run(base, events, settings, threads, control, groupDone, decidedByFirst, firstDone, null);
    }

    /**
     * As above; with {@code endsSearch}, each router's settings are a search in the order given (one replication only):
     * a setting runs only after the router's previous one, and once a setting ends the search (true) the router's later
     * settings are not run at all and are missing from the result. Which settings run depends on the outcomes only,
     * never on the thread count.
     */
    Map<Setting, Outcome> run(Scenario base, List<TimelineEvent> events, List<Setting> settings, int threads,
            RunControl control, BiConsumer<String, Map<Setting, Outcome>> groupDone, Predicate<Outcome> decidedByFirst,
            Consumer<Map<Setting, Outcome>> firstDone, BiPredicate<Setting, Outcome> endsSearch)
            throws CostTable.UnpricedModelsException {
        if (endsSearch != null && (base.replications() != 1 || decidedByFirst != null || firstDone != null)) {
            throw new IllegalArgumentException("a search over settings runs one replication, without early decisions");
        }
        Scenario key = keyOf(base);
        simulation.prepare(base, events); // once, before the parallel phase (and its errors are the caller's)
        int reps = base.replications();
        Map<Setting, Outcome> known = new LinkedHashMap<>();
        List<Setting> todo = new ArrayList<>();
        java.util.Set<String> searchEnded = new java.util.HashSet<>(); // routers whose search a remembered run ended
        for (Setting s : settings) {
            if (searchEnded.contains(s.router())) {
                continue;
            }
            RunKey k = new RunKey(key, events, s);
            Outcome hit = results.get(k);
            if (hit == null && decidedByFirst != null) {
                Outcome first = firstOnly.get(k);
                if (first != null && decidedByFirst.test(first)) {
                    hit = first;
                }
            }
            if (hit != null) {
                known.put(s, hit);
                if (endsSearch != null && endsSearch.test(s, hit)) {
                    searchEnded.add(s.router());
                }
            } else if (!todo.contains(s)) {
                todo.add(s);
            }
        }
        RunSchedule schedule = new RunSchedule(registry, simulation, base, events, todo, reps, control, decidedByFirst, endsSearch);
        Map<String, List<Setting>> groups = new LinkedHashMap<>();
        for (Setting s : settings) {
            groups.computeIfAbsent(s.router(), k -> new ArrayList<>()).add(s);
        }
        schedule.onSettingDone = (setting, outcome) -> {
            RunKey k = new RunKey(key, events, setting);
            if (outcome.reps().size() == reps) {
                results.put(k, outcome);
            } else {
                firstOnly.put(k, outcome);
            }
        };
        // a router's group is reported once all its settings are known (cached ones count as known at once)
        Map<Setting, Outcome> all = Collections.synchronizedMap(new LinkedHashMap<>(known));
        Map<String, Integer> openPerRouter = new LinkedHashMap<>();
        for (Map.Entry<String, List<Setting>> g : groups.entrySet()) {
            int open = (int) g.getValue().stream().filter(todo::contains).distinct().count();
            openPerRouter.put(g.getKey(), open);
        }
        schedule.onSettingKnown = (setting, outcome) -> {
            if (outcome != null) { // null: a search ended before this setting
                all.put(setting, outcome);
            }
            boolean complete;
            synchronized (openPerRouter) {
                int left = openPerRouter.merge(setting.router(), -1, Integer::sum);
                complete = left == 0;
            }
            if (complete) {
                groupDone.accept(setting.router(), part(groups.get(setting.router()), all));
            }
        };
        for (Map.Entry<String, Integer> e : openPerRouter.entrySet()) {
            if (e.getValue() == 0) {
                groupDone.accept(e.getKey(), part(groups.get(e.getKey()), all));
            }
        }
        if (firstDone != null) {
            schedule.onFirstDone = firsts -> {
                Map<Setting, Outcome> f = new LinkedHashMap<>();
                for (Setting s : settings) {
                    Outcome o = known.get(s);
                    f.put(s, o != null ? firstBlock(o) : firsts.get(s));
                }
                firstDone.accept(f);
            };
        }
        schedule.run(threads);
        Map<Setting, Outcome> ordered = new LinkedHashMap<>();
        java.util.Set<String> ended = new java.util.HashSet<>();
        for (Setting s : settings) {
            Outcome o = all.get(s);
            if (endsSearch == null) {
                ordered.put(s, o);
            } else if (o != null && !ended.contains(s.router())) {
                // (a remembered later setting stays out when an earlier one ends the search: the search's result only)
                ordered.put(s, o);
                if (endsSearch.test(s, o)) {
                    ended.add(s.router());
                }
            }
        }
        return ordered;
    }

    private static Map<Setting, Outcome> part(List<Setting> mine, Map<Setting, Outcome> all) {
        Map<Setting, Outcome> part = new LinkedHashMap<>();
        for (Setting s : mine) {
            Outcome o = all.get(s);
            if (o != null) {
                part.put(s, o);
            }
        }
        return part;
    }

    /** The first replication of a known outcome (a remembered full run answers a first-answer question too). */
    private static Outcome firstBlock(Outcome o) {
        if (o.reps().size() == 1) {
            return o;
        }
        return new Outcome(o.router(), o.displayName(), o.reconstructed(), o.params(), o.months(), List.of(o.reps().get(0)),
                o.parts());
    }

}
