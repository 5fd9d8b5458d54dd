package org.opencrm.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Strimzi's CRDs as its release builds them: Strimzi's own CRD generator run over its API model (io.strimzi:api and
 * io.strimzi:crd-generator from Maven Central, copied aside by the build). Both are Java 21 bytecode and carry their
 * own fabric8 and Jackson, so they run in a JVM of their own: this one if it is 21 or newer, else another JDK of the
 * machine (GitHub's runners: JAVA_HOME_21_X64; Debian: /usr/lib/jvm).
 */
final class StrimziCrds {

    private static final Map<String, String> KINDS = Map.of(
        "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
        "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
        "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic");
    private static Path generated;

    private StrimziCrds() {
    }

    /** The CRD of {@code kind} (Kafka, KafkaNodePool, KafkaTopic) at Strimzi's API version v1. */
    static CrdSchema schema(String kind) {
        return CrdSchema.of(directory().resolve(kind + ".yaml"), "v1");
    }

    private static synchronized Path directory() {
        if (generated == null) {
            generated = generate();
        }
        return generated;
    }

    private static Path generate() {
        Path jars = Path.of(System.getProperty("strimzi.crd-generator.dir", "target/strimzi-crd-generator"));
        Path out = jars.resolveSibling("strimzi-crds");
        List<String> command = new ArrayList<>(List.of(java(), "-cp",
            String.join(java.io.File.pathSeparator, Stream.of("api", "crd-generator", "crd-annotations")
                .map(jar -> jars.resolve(jar + ".jar").toString()).toList()),
            "io.strimzi.crdgenerator.CrdGenerator", "--target-kube", "1.16+", "--crd-api-version", "v1",
            "--api-versions", "v1", "--storage-version", "v1", "--yaml"));
        KINDS.forEach((kind, type) -> command.add(type + "=" + out.resolve(kind + ".yaml")));
        try {
            Files.createDirectories(out);
            Path log = out.resolve("generator.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Strimzi's CRD generator failed: " + Files.readString(log));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        List<Path> homes = new ArrayList<>();
        Stream.of("JAVA_HOME_25_X64", "JAVA_HOME_21_X64").map(System::getenv).filter(home -> home != null)
            .map(Path::of).forEach(homes::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.sorted().forEach(homes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return homes.stream().filter(home -> feature(home).orElse(0) >= 21).findFirst()
            .map(home -> home.resolve("bin").resolve("java").toString())
            .orElseThrow(() -> new IllegalStateException("Strimzi's CRD generator needs a JDK 21 or newer: none "
                + "found (JAVA_HOME_21_X64, /usr/lib/jvm)"));
    }

    /** The feature release of the JDK at {@code home}, from its {@code release} file. */
    private static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0]).filter(major -> !major.isEmpty())
                .map(Integer::parseInt);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
