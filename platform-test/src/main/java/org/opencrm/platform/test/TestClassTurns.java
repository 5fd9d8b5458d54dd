package org.opencrm.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns of test classes in several JVMs on one lock file: a turn alone waits until no other JVM holds a turn, and
 * meanwhile no new turn starts (a gate taken before each turn); other turns run side by side. A JVM holds one turn at
 * a time, and the operating system releases it when the JVM dies.
 */
final class TestClassTurns {

    private static final long GATE = 0;

    private static final long TURNS = 1;

    private final Path lockFile;

    private FileChannel file;

    private FileLock turn;

    TestClassTurns(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** Waits for a turn, alone or beside others; this JVM must not hold one. */
    synchronized void take(boolean alone) {
        if (turn != null) {
            throw new IllegalStateException("this JVM holds a turn already");
        }
        try {
            if (file == null) {
                file = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            try (FileLock gate = file.lock(GATE, 1, false)) {
                turn = file.lock(TURNS, 1, !alone);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot take a turn on " + lockFile, ex);
        }
    }

    synchronized void release() {
        if (turn != null) {
            try {
                turn.release();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot release a turn on " + lockFile, ex);
            }
            turn = null;
        }
    }

    synchronized boolean alone() {
        return turn != null && !turn.isShared();
    }
}
