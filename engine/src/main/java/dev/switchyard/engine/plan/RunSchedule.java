package dev.switchyard.engine.plan;

import dev.switchyard.engine.plan.RunBook.Setting;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The tasks of one {@link RunBook} call: one per (setting, replication), run by a few workers in priority order
 * (first replications first, then in the callers' order), each waiting for what it needs: the training of the same
 * replication of its router's first setting, for offline routers (released once that router is built, decision 1120);
 * its own first replication, so a decided setting's other replications are dropped; with a search, the router's
 * previous setting, whose outcome may end the search and drop the rest. Which thread runs what changes no figure.
 */
final class RunSchedule {
    private final Routers registry;
    private final TimelineSimulation simulation;
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

    RunSchedule(Routers registry, TimelineSimulation simulation, Scenario base, List<TimelineEvent> events, List<Setting> todo,
            int reps, RunControl control, Predicate<Outcome> decidedByFirst, BiPredicate<Setting, Outcome> endsSearch) {
        this.registry = registry;
        this.simulation = simulation;
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

    /** The run's control, telling the schedule when {@code trainer}'s router is built (decision 1120). */
    private RunControl releasingTrainees(Task trainer) {
        return new RunControl() {
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
                    releaseTrainees(trainer);
                    lock.notifyAll();
                }
            }
        };
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
                RunControl taskControl = task.trainees.isEmpty() ? control : releasingTrainees(task);
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
