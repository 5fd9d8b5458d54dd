package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records, with Java Flight Recorder, the exceptions a piece of work throws: on a request's normal path there should
 * be none, since each costs a stack walk (a class-based row mapper once threw ~180 per list request, caught them all
 * and answered correctly, five times slower). Run the work once before recording it: the first run loads classes,
 * and class loading throws and catches its own exceptions once.
 */
public final class ThrownExceptions {

    /**
     * Only throws with a frame of these packages count: the application, the libraries on its request, relay and
     * consumer paths. Other threads of the test JVM (JUnit, the in-process brokers, JFR itself) do their own thing.
     */
    private static final List<String> RELEVANT_PACKAGES = List.of("org.opencrm.", "org.springframework.",
            "org.hibernate.", "org.postgresql.", "com.zaxxer.hikari.", "tools.jackson.", "org.apache.catalina.",
            "org.apache.kafka.clients.consumer.");

    /**
     * The test harness around a request, not the request: spring-security-test's {@code jwt()} probes the filter
     * chain by reflection, and MockMvc's result printing asks for an async result that never was.
     */
    private static final List<String> HARNESS_PACKAGES = List.of("org.springframework.security.test.",
            "org.springframework.test.util.", "org.springframework.test.web.servlet.result.",
            "org.springframework.test.web.servlet.DefaultMvcResult");

    /**
     * Throwables that libraries make by design at a bounded rate: HdrHistogram widens a percentile histogram's range
     * by failing a shift and resizing (after each rotation of a timer's window), pgjdbc ends a wait for notifications
     * that found none with a socket timeout, and Netty's leak detector records where one buffer in 128 was allocated
     * (its default sampling; it is never thrown).
     */
    private static final List<String> BOUNDED_LIBRARY_THROWABLES = List.of("org.HdrHistogram.DoubleHistogram.",
            "org.postgresql.jdbc.PgConnection.getNotifications", "io.netty.util.ResourceLeakDetector");

    private ThrownExceptions() {
    }

    /** A piece of work that may throw checked exceptions, e.g. MockMvc calls. */
    @FunctionalInterface
    public interface Work {

        void run() throws Exception;
    }

    /** Runs {@code work} once to warm up, then again while recording; returns one line per exception thrown. */
    public static List<String> during(Work work) throws Exception {
        work.run();
        Path file = Files.createTempFile("thrown-exceptions", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.enable("jdk.JavaErrorThrow").withStackTrace();
            recording.start();
            try {
                work.run();
            }
            finally {
                recording.stop();
            }
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                .filter(ThrownExceptions::relevant)
                .map(ThrownExceptions::describe)
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean relevant(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return false;
        }
        List<String> methods = stack.getFrames().stream()
            .filter(RecordedFrame::isJavaFrame)
            .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
            .toList();
        return noneStartsWith(methods, HARNESS_PACKAGES) && noneStartsWith(methods, BOUNDED_LIBRARY_THROWABLES)
                && !noneStartsWith(methods, RELEVANT_PACKAGES);
    }

    private static boolean noneStartsWith(List<String> methods, List<String> prefixes) {
        return methods.stream().noneMatch(method -> prefixes.stream().anyMatch(method::startsWith));
    }

    private static String describe(RecordedEvent event) {
        String thrown = event.getClass("thrownClass") == null ? "?" : event.getClass("thrownClass").getName();
        String frames = event.getStackTrace().getFrames().stream()
            .limit(12)
            .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":"
                    + frame.getLineNumber())
            .collect(Collectors.joining("\n    at ", "\n    at ", ""));
        return thrown + ": " + event.getString("message") + frames;
    }
}
