package org.opencrm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets that given processes (and their descendants) listen on, read from Linux's {@code /proc}: each
 * process's socket inodes from {@code /proc/<pid>/fd}, and the listening sockets with their addresses from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}. No {@code ss} or {@code netstat} needed.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    record Listener(long pid, InetSocketAddress address) {
    }

    /** Every listening socket of the processes in the pid files under the {@code pidDirs} and of their descendants. */
    static List<Listener> ofPidFiles(List<Path> pidDirs) {
        Set<Long> pids = new HashSet<>();
        for (Path pidDir : pidDirs) {
            try (Stream<Path> files = Files.list(pidDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
                    if (!first.isEmpty()) {
                        long pid = Long.parseLong(first);
                        pids.add(pid);
                        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return of(pids);
    }

    static List<Listener> of(Set<Long> pids) {
        List<Listener> listeners = new ArrayList<>();
        for (long pid : pids) {
            Set<String> inodes = socketInodes(pid);
            for (String table : List.of("/proc/" + pid + "/net/tcp", "/proc/" + pid + "/net/tcp6")) {
                for (String[] row : rows(Path.of(table))) {
                    if (LISTEN.equals(row[3]) && inodes.contains(row[9])) {
                        listeners.add(new Listener(pid, address(row[1])));
                    }
                }
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (IOException ex) {
                    // the descriptor closed meanwhile
                }
            });
        }
        catch (IOException ex) {
            // the process ended meanwhile
        }
        return inodes;
    }

    private static List<String[]> rows(Path table) {
        try {
            return Files.readAllLines(table).stream().skip(1).map(line -> line.trim().split("\\s+")).toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    /** {@code 0100007F:1F90} or 32 hex digits and a port: the address in host byte order per 32-bit word. */
    static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        String ip = parts[0];
        byte[] bytes = new byte[ip.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + i) * 2;
                bytes[word * 4 + 3 - i] = (byte) Integer.parseInt(ip.substring(at, at + 2), 16);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException(hex, ex);
        }
    }
}
