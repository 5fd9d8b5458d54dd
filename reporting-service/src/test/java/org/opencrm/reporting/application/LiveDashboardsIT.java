package org.opencrm.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencrm.reporting.domain.Viewer;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams whose browser went away, as the servlet container leaves them: a change still reaches every other open
 * dashboard, and the push it belongs to completes. Streams open when the application stops are ended.
 */
@ReportingIntegrationTest
class LiveDashboardsIT {

    @Autowired
    LiveDashboards dashboards;

    @Autowired
    MeterRegistry meters;

    @Test
    void aStreamTheBrowserLeftKeepsNoChangeFromTheOthers() {
        // other tests' streams may be open too: this one counts on its own streams only
        Viewer everything = new Viewer(Optional.empty());
        List<LeftStream> left = List.of(new LeftStream(), new LeftStream(), new LeftStream());
        RecordingStream open = new RecordingStream();
        left.forEach(stream -> dashboards.subscribe(everything, stream));
        dashboards.subscribe(everything, open);
        left.forEach(LeftStream::leave);
        long pushes = pushes();

        dashboards.changed(List.of("customers"));

        Awaitility.await("the open stream told of the change").atMost(Duration.ofSeconds(10))
            .until(() -> changes(open) == 1);
        Awaitility.await("the push completed").atMost(Duration.ofSeconds(10)).until(() -> pushes() > pushes);
        // each left stream was ended once and forgotten: the next change is written to the open one alone
        assertThat(left).allMatch(stream -> stream.completions == 1 && stream.failedWrites == 1);
        dashboards.changed(List.of("leads"));
        Awaitility.await("the open stream told of the next change").atMost(Duration.ofSeconds(10))
            .until(() -> changes(open) == 2);
        assertThat(left).allMatch(stream -> stream.completions == 1 && stream.failedWrites == 1);
    }

    @Test
    void stoppingEndsTheOpenStreamsAndEveryStreamAskedForUntilItRunsAgain() {
        Viewer everything = new Viewer(Optional.empty());
        RecordingStream open = new RecordingStream();
        dashboards.subscribe(everything, open);
        RecordingStream late = new RecordingStream();
        try {
            dashboards.stop();
            assertThat(open.completed).isTrue();
            dashboards.subscribe(everything, late);
            assertThat(late.completed).isTrue();
            assertThat(late.sent()).isEmpty();
        }
        finally {
            dashboards.start();
        }
        RecordingStream again = new RecordingStream();
        dashboards.subscribe(everything, again);
        assertThat(again.completed).isFalse();
        assertThat(again.sent()).singleElement().asString().contains("event:dashboard");
    }

    private static long changes(RecordingStream stream) {
        return stream.sent().stream().filter(event -> event.contains("event:changed")).count();
    }

    private long pushes() {
        return meters.get("crm.reports.stream.push.delay").timer().count();
    }

    /** What a stream was sent, as text. */
    private static final class RecordingStream extends SseEmitter {

        private final List<String> sent = new CopyOnWriteArrayList<>();
        private volatile boolean completed;

        @Override
        public void send(SseEventBuilder builder) {
            StringBuilder text = new StringBuilder();
            builder.build().forEach(part -> text.append(part.getData()));
            sent.add(text.toString());
        }

        @Override
        public void complete() {
            completed = true;
        }

        List<String> sent() {
            return sent;
        }
    }

    /**
     * A stream the browser left: writing fails, and completing it fails too, as Tomcat refuses once its own error
     * callback ran ("A non-container (application) thread attempted to use the AsyncContext after an error…").
     */
    private static final class LeftStream extends SseEmitter {

        private volatile boolean gone;
        private volatile int completions;
        private volatile int failedWrites;

        void leave() {
            gone = true;
        }

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (gone) {
                failedWrites++;
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public void completeWithError(Throwable failure) {
            completions++;
            throw new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext "
                    + "after an error had occurred and the call to AsyncListener.onError() had returned.");
        }
    }
}
