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
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
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
        Schedule schedule = new Schedule(base, events, todo, reps, control, decidedByFirst, endsSearch);
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
        for (Setting s : settings) {
            Outcome o = all.get(s);
            if (o != null || endsSearch == null) {
                ordered.put(s, o);
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

    /**
     * The tasks of one call: one per (setting, replication), run by a few workers in priority order (first
     * replications first, then in the callers' order), each waiting for what it needs (the same replication of
     * its router's first setting, for offline routers; its own first replication, so a decided setting's other
     * replications are dropped).
     */
    private final class Schedule {
        private final Scenario base;
        private final List<TimelineEvent> events;
        private final int reps;
        private final RunControl control;
        private final Predicate<Outcome> decidedByFirst;
        private final BiPredicate<Setting, Outcome> endsSearch;
        private final Object lock = new Object();
        // an offline router's training run first: the router's other settings wait for it (they reuse its training), so
        // started late it would leave the last seconds to one thread (decision 1101); the order changes no figure
        private final PriorityQueue<Task> ready = new PriorityQueue<>(Comparator.comparingInt((Task t) -> t.rep)
                .thenComparing(t -> !t.trains).thenComparingInt(t -> t.order));
        private final Map<Setting, Outcome[]> blocks = new LinkedHashMap<>();
        private final Map<Setting, List<Task>> bySetting = new LinkedHashMap<>();
        private final List<Setting> todo;
        private int remaining;
        private int firstsLeft;
        private int done;
        private final int total;
        private Throwable failure;
        BiConsumer<Setting, Outcome> onSettingDone = (s, o) -> { };
        BiConsumer<Setting, Outcome> onSettingKnown = (s, o) -> { };
        Consumer<Map<Setting, Outcome>> onFirstDone;

        private final class Task {
            final Setting setting;
            final int rep;
            final int order;
            final List<Task> dependents = new ArrayList<>();
            /** The same replication of the router's other settings: they need only this task's training, not its run. */
            final List<Task> trainees = new ArrayList<>();
            boolean traineesReleased;
            /** With a search: the router's next setting, run only when this one does not end the search. */
            Task next;
            /** The first setting of an offline router: the router's other settings wait for its training. */
            boolean trains;
            int blockers;
            boolean dropped;

            Task(Setting setting, int rep, int order) {
                this.setting = setting;
                this.rep = rep;
                this.order = order;
            }
        }

        Schedule(Scenario base, List<TimelineEvent> events, List<Setting> todo, int reps, RunControl control,
                Predicate<Outcome> decidedByFirst, BiPredicate<Setting, Outcome> endsSearch) {
            this.base = base;
            this.endsSearch = endsSearch;
            this.events = events;
            this.reps = reps;
            this.control = control;
            this.decidedByFirst = decidedByFirst;
            this.todo = todo;
            Map<String, Setting> trainer = new LinkedHashMap<>();
            Map<String, Task> lastOfRouter = new LinkedHashMap<>();
            int n = 0;
            for (Setting s : todo) {
                List<Task> tasks = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    tasks.add(new Task(s, r, n));
                }
                n++;
                bySetting.put(s, tasks);
                blocks.put(s, new Outcome[reps]);
                boolean trainsFirst = registry.descriptor(s.router()).role() == RouterDescriptor.Role.OFFLINE;
                Setting first = trainsFirst ? trainer.putIfAbsent(s.router(), s) : null;
                if (trainsFirst && first == null) {
                    tasks.forEach(t -> t.trains = true);
                }
                for (int r = 0; r < reps; r++) {
                    Task t = tasks.get(r);
                    if (r > 0) {
                        depend(t, tasks.get(0));
                    }
                    if (first != null) {
                        Task on = bySetting.get(first).get(r);
                        on.trainees.add(t);
                        t.blockers++;
                    }
                }
                if (endsSearch != null) {
                    Task previous = lastOfRouter.put(s.router(), tasks.get(0));
                    if (previous != null) {
                        previous.next = tasks.get(0);
                        depend(tasks.get(0), previous);
                    }
                }
            }
            for (List<Task> tasks : bySetting.values()) {
                for (Task t : tasks) {
                    if (t.blockers == 0) {
                        ready.add(t);
                    }
                }
            }
            total = todo.size() * reps;
            remaining = total;
            firstsLeft = todo.size();
        }

        private void depend(Task t, Task on) {
            if (!on.dependents.contains(t)) {
                on.dependents.add(t);
                t.blockers++;
            }
        }

        void run(int threads) {
            if (remaining == 0) {
                if (onFirstDone != null) {
                    onFirstDone.accept(Map.of());
                }
                return;
            }
            int workers = Math.max(1, Math.min(threads, todo.size() * Math.max(1, reps)));
            List<Thread> pool = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Thread t = new Thread(this::work, "switchyard-planner");
                t.setDaemon(true);
                pool.add(t);
                t.start();
            }
            try {
                for (Thread t : pool) {
                    t.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (lock) {
                    fail(new CancellationException("planning interrupted"));
                }
                for (Thread t : pool) {
                    t.interrupt();
                }
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
        }

        private void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            lock.notifyAll();
        }

        private void work() {
            while (true) {
                Task task;
                synchronized (lock) {
                    while (ready.isEmpty() && remaining > 0 && failure == null) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            fail(new CancellationException("planning interrupted"));
                            return;
                        }
                    }
                    if (remaining == 0 || failure != null) {
                        return;
                    }
                    task = ready.poll();
                }
                Outcome r;
                try {
                    if (control.isCancelled()) {
                        throw new CancellationException("planning cancelled");
                    }
                    Setting s = task.setting;
                    RunControl taskControl = task.trainees.isEmpty() ? control : new RunControl() {
                        @Override
                        public boolean isCancelled() {
                            return control.isCancelled();
                        }

                        @Override
                        public void progress(int done, int total) {
                            control.progress(done, total);
                        }

                        @Override
                        public void routerReady() {
                            synchronized (lock) {
                                releaseTrainees(task);
                                lock.notifyAll();
                            }
                        }
                    };
                    r = simulation.run(base, events, s.router(), s.params(), s.aim(), task.rep, task.rep + 1, taskControl);
                } catch (RuntimeException | Error e) {
                    synchronized (lock) {
                        fail(e);
                    }
                    return;
                }
                try {
                    finish(task, r);
                } catch (RuntimeException | Error e) { // a listener's failure ends the call, never leaves it waiting
                    synchronized (lock) {
                        fail(e);
                    }
                    return;
                }
            }
        }

        /** Records one replication, releases what waited on it and reports what became known (outside the lock). */
        private void finish(Task task, Outcome r) {
            Setting s = task.setting;
            boolean ends = task.next != null && endsSearch.test(s, r); // judged outside the lock
            List<Setting> skipped = new ArrayList<>();
            Outcome complete = null;
            Map<Setting, Outcome> firsts = null;
            int progress;
            synchronized (lock) {
                Outcome[] mine = blocks.get(s);
                mine[task.rep] = r;
                remaining--;
                done++;
                progress = done;
                boolean decided = false;
                if (task.rep == 0) {
                    decided = reps > 1 && decidedByFirst != null && decidedByFirst.test(r);
                    if (decided) {
                        for (Task other : bySetting.get(s)) {
                            if (other != task && !other.dropped) {
                                other.dropped = true;
                                ready.remove(other);
                                remaining--;
                                done++;
                                // what waited on it (another setting's replication reusing its training) trains itself
                                release(other.dependents);
                                releaseTrainees(other);
                            }
                        }
                        progress = done;
                        complete = r;
                    }
                    firstsLeft--;
                    for (Task later = ends ? task.next : null; later != null; later = later.next) {
                        later.dropped = true;
                        ready.remove(later);
                        remaining--;
                        done++;
                        firstsLeft--;
                        skipped.add(later.setting);
                        releaseTrainees(later);
                    }
                    progress = done;
                    if (firstsLeft == 0 && onFirstDone != null) {
                        firsts = new LinkedHashMap<>();
                        for (Map.Entry<Setting, Outcome[]> e : blocks.entrySet()) {
                            firsts.put(e.getKey(), e.getValue()[0]);
                        }
                    }
                }
                release(task.dependents);
                releaseTrainees(task);
                if (!decided && allIn(mine)) {
                    complete = Outcome.ofBlocks(List.of(mine));
                }
                lock.notifyAll();
            }
            control.progress(progress, total);
            if (firsts != null) {
                onFirstDone.accept(firsts);
            }
            if (complete != null) {
                onSettingDone.accept(s, complete);
                onSettingKnown.accept(s, complete);
            }
            for (Setting later : skipped) {
                onSettingKnown.accept(later, null);
            }
        }

        /** Under the lock: what waited on {@code done} may be ready now. */
        private void release(List<Task> waiting) {
            for (Task d : waiting) {
                if (--d.blockers == 0 && !d.dropped) {
                    ready.add(d);
                }
            }
        }

        /**
         * Under the lock, once: the settings reusing {@code trainer}'s training may start as soon as its router is built
         * (trained), beside the rest of its run, rather than after it (decision 1120).
         */
        private void releaseTrainees(Task trainer) {
            if (!trainer.traineesReleased) {
                trainer.traineesReleased = true;
                release(trainer.trainees);
            }
        }

        private boolean allIn(Outcome[] mine) {
            for (Outcome o : mine) {
                if (o == null) {
                    return false;
                }
            }
            return true;
        }
    }
}
