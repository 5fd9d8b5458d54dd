package org.opencrm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.inbox.UnprocessableEventException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class EventConsumerErrorsTest {

    @Test
    void retriesATransientFailureForeverWithACappedBackoff() {
        BackOffExecution execution = EventConsumerErrors
            .backOff(new EventsProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)))
            .start();
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(2000);
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(30_000);
    }

    @Test
    void namesTheReasonOfAnUnprocessableEventInsideTheListenersWrapper() {
        Exception wrapped = new ListenerExecutionFailedException("Listener method failed",
                new UnprocessableEventException("cannot read version 9 of customer.created",
                        new IllegalStateException("detail")));
        assertThat(EventConsumerErrors.reason(wrapped)).isEqualTo("cannot read version 9 of customer.created");
        assertThat(EventConsumerErrors.reason(new ListenerExecutionFailedException("x",
                new IllegalStateException("database down")))).isEqualTo("java.lang.IllegalStateException: database down");
    }

    @Test
    void deadLettersTheFailureOfABatchsRecordNotTheBatchsWrapper() {
        UnprocessableEventException unreadable = new UnprocessableEventException("unreadable event");
        Exception unwrapped = EventConsumerErrors.ofRecord(new ListenerExecutionFailedException("Listener failed",
                "group", new BatchListenerFailedException("unreadable event", unreadable, 3)));
        assertThat(unwrapped).isInstanceOf(ListenerExecutionFailedException.class).hasCause(unreadable);
        assertThat(((ListenerExecutionFailedException) unwrapped).getGroupId()).isEqualTo("group");
        Exception single = new ListenerExecutionFailedException("Listener failed", unreadable);
        assertThat(EventConsumerErrors.ofRecord(single)).isSameAs(single);
    }
}
