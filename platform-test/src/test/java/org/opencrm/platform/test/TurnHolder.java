package org.opencrm.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Another test JVM for {@link TestClassTurnsTest}: takes a turn, says so, and holds it until its input ends. */
public final class TurnHolder {

    private TurnHolder() {
    }

    public static void main(String[] args) throws IOException {
        TestClassTurns turns = new TestClassTurns(Path.of(args[0]));
        turns.take(Boolean.parseBoolean(args[1]));
        System.out.println("taken");
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        turns.release();
    }
}
