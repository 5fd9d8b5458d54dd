package org.opencrm.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * Spring Session stamps every request's access time on the session, so each request of a signed-in browser wrote to
 * Redis before its answer left: an existence check, the changed field, a new expiry (three round trips on top of the
 * one that loads the session). Here the access time moves only when it is {@code resolution} old, and a session that
 * did not change is not written at all: most requests then cost the one read. A session may so end up to
 * {@code resolution} earlier than its idle timeout, which is hours (minutes before sign-in).
 */
final class QuietSessionRepository<S extends Session> implements ReactiveSessionRepository<QuietSessionRepository.QuietSession<S>> {

    private final ReactiveSessionRepository<S> delegate;

    private final Duration resolution;

    QuietSessionRepository(ReactiveSessionRepository<S> delegate, Duration resolution) {
        this.delegate = delegate;
        this.resolution = resolution;
    }

    static <S extends Session> QuietSessionRepository<S> wrapping(ReactiveSessionRepository<S> delegate,
            Duration resolution) {
        return new QuietSessionRepository<>(delegate, resolution);
    }

    @Override
    public Mono<QuietSession<S>> createSession() {
        return delegate.createSession().map(session -> new QuietSession<>(session, resolution, true));
    }

    @Override
    public Mono<Void> save(QuietSession<S> session) {
        if (!session.changed) {
            return Mono.empty();
        }
        return delegate.save(session.delegate).doOnSuccess(done -> session.changed = false);
    }

    @Override
    public Mono<QuietSession<S>> findById(String id) {
        return delegate.findById(id).map(session -> new QuietSession<>(session, resolution, false));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return delegate.deleteById(id);
    }

    /** The stored session, with a note whether anything worth writing changed. */
    static final class QuietSession<S extends Session> implements Session {

        private final S delegate;

        private final Duration resolution;

        private boolean changed;

        QuietSession(S delegate, Duration resolution, boolean changed) {
            this.delegate = delegate;
            this.resolution = resolution;
            this.changed = changed;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(resolution))) {
                delegate.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(delegate.getMaxInactiveInterval())) {
                changed = true;
                delegate.setMaxInactiveInterval(interval);
            }
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
