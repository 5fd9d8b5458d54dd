package org.opencrm.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.opencrm.platform.security.CurrentActor;
import org.opencrm.platform.web.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a create safe to retry: the first request with a given {@code Idempotency-Key} creates, a repeat of the
 * same request gets the id created the first time, and a different request under the same key is refused. Keys
 * are per actor, so two clients cannot collide. Requests with the same key are serialised until the first one's
 * transaction ends (a transaction-level advisory lock, so a crashed request never leaves it held): a repeat sent
 * while the first is still running waits for it and gets its answer.
 */
public class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public IdempotencyKeys(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Runs {@code create} once per key, in the caller's transaction.
     *
     * @param request what was asked, compared with the first request under the same key
     * @param create creates the resource and returns its id
     * @return the id and whether it was created by an earlier request
     */
    public Outcome createOnce(String scope, String key, Object request, Supplier<String> create) {
        if (key == null || key.isBlank()) {
            return new Outcome(create.get(), false);
        }
        if (key.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key must be at most 200 characters.");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Idempotent creates must run inside the create's transaction");
        }
        String actor = CurrentActor.id().orElse("anonymous");
        lock(scope, actor, key);
        String hash = hash(request);
        Optional<Previous> previous = find(scope, actor, key);
        if (previous.isPresent()) {
            return replay(previous.get(), hash);
        }
        String id = create.get();
        int inserted = jdbc.sql("""
                insert into idempotency_key (scope, actor, key, request_hash, resource_id)
                values (:scope, :actor, :key, :hash, :id) on conflict do nothing
                """)
            .param("scope", scope).param("actor", actor).param("key", key).param("hash", hash).param("id", id)
            .update();
        if (inserted == 0) {
            // only when the key's row was written outside this class
            throw new ConflictException("A request with this Idempotency-Key is being processed; retry shortly.", null);
        }
        return new Outcome(id, false);
    }

    private void lock(String scope, String actor, String key) {
        // the actor's length keeps "a|b" + "c" apart from "a" + "b|c"
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
            .param("name", scope + "|" + actor.length() + "|" + actor + "|" + key)
            .query((rs, rowNum) -> 1)
            .single();
    }

    private Optional<Previous> find(String scope, String actor, String key) {
        return jdbc.sql("""
                select request_hash, resource_id from idempotency_key
                where scope = :scope and actor = :actor and key = :key
                """)
            .param("scope", scope).param("actor", actor).param("key", key)
            .query((rs, rowNum) -> new Previous(rs.getString(1), rs.getString(2)))
            .optional();
    }

    private static Outcome replay(Previous previous, String hash) {
        if (!previous.requestHash().equals(hash)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was used for a different request.");
        }
        return new Outcome(previous.resourceId(), true);
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(jsonMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The created resource's id; {@code replayed} when an earlier request with the same key created it. */
    public record Outcome(String resourceId, boolean replayed) {
    }

    record Previous(String requestHash, String resourceId) {
    }
}
