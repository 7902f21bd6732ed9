package dev.switchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-test line names the class-data archive a start used (decision 1110), read from the JVM's own arguments. */
class StartupTest {
    private static final String SHARING = "mixed mode, sharing";

    @Test
    void namesTheArchiveByWhoWroteIt() {
        assertEquals("installed", Startup.classArchive(
                List.of("-Xmx4g", "-XX:SharedArchiveFile=/opt/switchyard/lib/app/switchyard.jsa"), SHARING));
        assertEquals("user-cache", Startup.classArchive(
                List.of("-XX:SharedArchiveFile=/home/u/.cache/switchyard/installed-app.jsa"), SHARING));
        assertEquals("build", Startup.classArchive(
                List.of("-XX:SharedArchiveFile=C:\\switchyard\\app\\target\\switchyard-app.jsa"), SHARING));
        assertEquals("writing", Startup.classArchive(List.of("-XX:ArchiveClassesAtExit=/tmp/a.jsa.12.tmp"), SHARING));
        assertEquals("jdk", Startup.classArchive(List.of("-Xmx2g"), SHARING));
    }

    @Test
    void aStartWithoutSharingSaysOffWhateverItWasGiven() {
        // a static archive the JVM refused leaves no sharing at all (-Xshare:auto)
        assertEquals("off", Startup.classArchive(List.of("-XX:SharedArchiveFile=/opt/switchyard/lib/app/switchyard.jsa"),
                "mixed mode"));
        assertEquals("off", Startup.classArchive(List.of(), "interpreted mode"));
    }
}
