package dev.switchyard.engine.traffic.importer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources by name, from this package's resource folder. */
final class Fixtures {
    private Fixtures() {
    }

    static Path of(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
