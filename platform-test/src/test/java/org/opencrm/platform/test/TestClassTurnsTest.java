package org.opencrm.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClassTurnsTest {

    private static final Duration STAYS = Duration.ofMillis(700);

    @TempDir
    Path dir;

    @Test
    void aTurnAloneWaitsForAnotherJvmsTurnAndNewTurnsWaitForIt() throws Exception {
        Path lockFile = dir.resolve("turns.lock");
        TestClassTurns turns = new TestClassTurns(lockFile);
        try (Holder other = new Holder(lockFile, false)) {
            other.awaitTaken();
            CompletableFuture<Void> alone = CompletableFuture.runAsync(() -> turns.take(true));
            await().during(STAYS).atMost(STAYS.multipliedBy(3)).until(() -> !alone.isDone());

            other.close();
            await().atMost(Duration.ofSeconds(10)).until(alone::isDone);
            assertThat(turns.alone()).isTrue();
        }
        try (Holder next = new Holder(lockFile, false)) {
            await().during(STAYS).atMost(STAYS.multipliedBy(3)).until(() -> !next.taken.isDone());
            turns.release();
            next.awaitTaken();
        }
    }

    @Test
    void turnsBesideEachOtherDoNotWait() throws Exception {
        Path lockFile = dir.resolve("turns.lock");
        TestClassTurns turns = new TestClassTurns(lockFile);
        try (Holder other = new Holder(lockFile, false)) {
            other.awaitTaken();
            CompletableFuture.runAsync(() -> turns.take(false)).get();
            assertThat(turns.alone()).isFalse();
            turns.release();
        }
    }

    /** A turn in another JVM, held until closed. */
    private static final class Holder implements AutoCloseable {

        private final Process process;

        private final CompletableFuture<Boolean> taken;

        Holder(Path lockFile, boolean alone) throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    TurnHolder.class.getName(), lockFile.toString(), Boolean.toString(alone))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
            taken = CompletableFuture.supplyAsync(() -> {
                try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    return "taken".equals(out.readLine());
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }

        void awaitTaken() {
            await().atMost(Duration.ofSeconds(30)).until(() -> taken.isDone() && taken.join());
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.getOutputStream().close();
                process.waitFor();
            }
        }
    }
}
