package org.opencrm.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;

class SessionStoreFailureTest {

    @Test
    void recognisesRedisFailuresAlsoAsCauses() {
        assertThat(SessionStoreUnavailableHandler.isSessionStoreFailure(
                new RedisConnectionFailureException("Unable to connect to Redis"))).isTrue();
        assertThat(SessionStoreUnavailableHandler.isSessionStoreFailure(new IllegalStateException("wrapped",
                new io.lettuce.core.RedisException("Currently not connected. Commands are rejected.")))).isTrue();
    }

    @Test
    void leavesOtherFailuresToTheGeneralHandler() {
        assertThat(SessionStoreUnavailableHandler.isSessionStoreFailure(new IllegalStateException("boom"))).isFalse();
        assertThat(SessionStoreUnavailableHandler.isSessionStoreFailure(
                new DataAccessResourceFailureException("a database, not Redis"))).isFalse();
    }
}
