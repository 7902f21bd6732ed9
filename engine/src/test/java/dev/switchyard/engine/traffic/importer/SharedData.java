package dev.switchyard.engine.traffic.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only real data ({@code shared/data}) by walking up from the working directory. */
public final class SharedData {
    private SharedData() {
    }

    public static Path routeLlm() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve("routellm");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/data/routellm in " + dir + " or any folder above it;"
                + " the real RouteLLM files are expected next to the repository (../shared/data/routellm)");
    }
}
