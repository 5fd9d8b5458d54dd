package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away TLS material for a test's own server, made with the {@code openssl} command line (the JDK has no
 * certificate builder): a CA, and a server certificate it signs for 127.0.0.1 and localhost, valid for a day.
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** Writes {@code ca.crt}, {@code server.crt} and {@code server.key} (PEM) into {@code dir}; returns it. */
    public static Path serverFor127001(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=crm-test-ca",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
                "-out", "server.csr");
        openssl(dir, "x509", "-req", "-days", "1", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-extfile", "server.ext", "-out", "server.crt");
        return dir;
    }

    private static void openssl(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + arguments[0] + " failed: "
                        + Files.readString(dir.resolve("openssl.log")));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("openssl is needed for a test's TLS certificates", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
