package dev.switchyard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Engine identity, stored with every result so a number can be traced to the code that made it. */
public final class EngineInfo {
    private static final String VERSION = loadVersion();

    private EngineInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = EngineInfo.class.getResourceAsStream("engine-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
