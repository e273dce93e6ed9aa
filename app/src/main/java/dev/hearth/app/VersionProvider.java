package dev.hearth.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Hearth's version, from a resource Maven fills at build time (so it is right when running from
 * classes as well as from the jar), and the Java runtime it runs on.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IOException("version.properties is missing from the Hearth build");
            }
            properties.load(in);
        }
        return new String[] {
            "hearth " + properties.getProperty("version"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"
        };
    }
}
