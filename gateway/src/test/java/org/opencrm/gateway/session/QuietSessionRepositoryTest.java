package org.opencrm.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

class QuietSessionRepositoryTest {

    private final AtomicInteger writes = new AtomicInteger();

    private final ReactiveMapSessionRepository store = new ReactiveMapSessionRepository(new ConcurrentHashMap<>());

    private final ReactiveSessionRepository<MapSession> counting = new ReactiveSessionRepository<>() {
        @Override
        public Mono<MapSession> createSession() {
            return store.createSession();
        }

        @Override
        public Mono<Void> save(MapSession session) {
            writes.incrementAndGet();
            return store.save(session);
        }

        @Override
        public Mono<MapSession> findById(String id) {
            return store.findById(id);
        }

        @Override
        public Mono<Void> deleteById(String id) {
            return store.deleteById(id);
        }
    };

    private final QuietSessionRepository<MapSession> sessions = QuietSessionRepository.wrapping(counting,
            Duration.ofMinutes(1));

    @Test
    void writesANewSession() {
        String id = signedIn();

        assertThat(writes).hasValue(1);
        assertThat(sessions.findById(id).block().<String>getAttribute("user")).isEqualTo("sales1");
    }

    @Test
    void aRequestThatChangesNothingWritesNothing() {
        String id = signedIn();
        Instant stored = sessions.findById(id).block().getLastAccessedTime();

        QuietSessionRepository.QuietSession<MapSession> session = sessions.findById(id).block();
        session.setLastAccessedTime(stored.plusSeconds(30));
        session.setMaxInactiveInterval(session.getMaxInactiveInterval());
        sessions.save(session).block();

        assertThat(writes).hasValue(1);
        assertThat(sessions.findById(id).block().getLastAccessedTime()).isEqualTo(stored);
    }

    @Test
    void movesTheAccessTimeOnceItIsAMinuteOld() {
        String id = signedIn();
        Instant later = sessions.findById(id).block().getLastAccessedTime().plusSeconds(61);

        QuietSessionRepository.QuietSession<MapSession> session = sessions.findById(id).block();
        session.setLastAccessedTime(later);
        sessions.save(session).block();

        assertThat(writes).hasValue(2);
        assertThat(sessions.findById(id).block().getLastAccessedTime()).isEqualTo(later);
    }

    @Test
    void writesAChangedAttributeOrTimeout() {
        String id = signedIn();

        QuietSessionRepository.QuietSession<MapSession> session = sessions.findById(id).block();
        session.setAttribute("tokens", "refreshed");
        sessions.save(session).block();
        QuietSessionRepository.QuietSession<MapSession> again = sessions.findById(id).block();
        again.setMaxInactiveInterval(Duration.ofHours(8));
        sessions.save(again).block();

        assertThat(writes).hasValue(3);
        assertThat(sessions.findById(id).block().<String>getAttribute("tokens")).isEqualTo("refreshed");
        assertThat(sessions.findById(id).block().getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
    }

    private String signedIn() {
        QuietSessionRepository.QuietSession<MapSession> session = sessions.createSession().block();
        session.setAttribute("user", "sales1");
        sessions.save(session).block();
        return session.getId();
    }
}
