package org.opencrm.platform.test;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The name under which a test JVM keeps its own state on the shared test infrastructure: its database and the prefix
 * of its topic names, {@code crm_test_<module>_<pid>}. Modules, and a module's test JVMs, may then share one PostgreSQL
 * and one Kafka broker, one after another or in parallel, without seeing each other's rows or events.
 */
public final class TestNamespace {

    /** The module under test; the root pom sets it to the artifact id, else the working directory's name is taken. */
    static final String MODULE_PROPERTY = "crm.test.module";

    private static final String NAME = name(System.getProperty(MODULE_PROPERTY,
            String.valueOf(Path.of(System.getProperty("user.dir")).toAbsolutePath().getFileName())),
            ProcessHandle.current().pid());

    private TestNamespace() {
    }

    /** {@code crm_test_<module>_<pid>}: this JVM's database, a plain SQL identifier of at most 63 characters. */
    public static String name() {
        return NAME;
    }

    /** This JVM's name for a topic: {@code crm.customer} becomes {@code crm_test_<module>_<pid>.crm.customer}. */
    public static String topic(String topic) {
        return NAME + "." + topic;
    }

    /** This JVM's S3 bucket: {@link #name()} as a bucket name ({@code crm-test-<module>-<pid>}). */
    public static String bucket() {
        return NAME.replace('_', '-');
    }

    static String name(String module, long pid) {
        String suffix = "_" + pid;
        String plain = module.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String prefix = "crm_test_" + plain;
        return prefix.substring(0, Math.min(prefix.length(), 63 - suffix.length())) + suffix;
    }
}
