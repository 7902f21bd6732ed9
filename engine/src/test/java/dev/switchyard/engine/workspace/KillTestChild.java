package dev.switchyard.engine.workspace;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link KillDuringSaveTest}: opens (or creates) a workspace and saves in
 * a loop, printing "ACK n" only after save n has returned. The test kills it with SIGKILL.
 */
public final class KillTestChild {
    private KillTestChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int next = Integer.parseInt(args[1]);
        Workspace w = file.toFile().exists() ? Workspace.open(file) : Workspace.create(file);
        w.setBackupInterval(java.time.Duration.ZERO);
        System.out.println("READY " + w.openReport().status());
        System.out.flush();
        for (int i = next; ; i++) {
            if (i % 5 == 0) {
                // bigger writes: a blob spanning many pages
                w.putTraffic(TestTraffic.sample("t" + i, 400, i, true), "t" + i + ".csv");
            }
            w.saveScenario(ScenarioDocument.of("s" + i, KillDuringSaveTest.body(i), null));
            if (i % 7 == 0) {
                w.backupIfDue(); // a kill may also land inside VACUUM INTO or the backup's move
            }
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
