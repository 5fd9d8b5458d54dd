package org.opencrm.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ThrownExceptions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class JarStreamedResourceTest {

    /** A file that lies only in a jar on this class path (spring-core's), as the web UI's files do in the gateway. */
    private static final String DIRECTORY_IN_A_JAR = "org/springframework/core/io/";

    private static final String FILE_IN_A_JAR = DIRECTORY_IN_A_JAR + "ClassPathResource.class";

    @Test
    void readsAFileInAJarAsAStreamWithoutThrowing() throws Exception {
        Resource resource = new JarStreamedResource(DIRECTORY_IN_A_JAR).createRelative("ClassPathResource.class");
        byte[] expected = new ClassPathResource(FILE_IN_A_JAR).getContentAsByteArray();
        assertThat(resource.isFile()).isFalse();

        List<String> thrown = ThrownExceptions.during(() -> assertThat(read(resource)).isEqualTo(expected));

        assertThat(thrown).isEmpty();
    }

    @Test
    void aPlainClassPathResourceInAJarThrowsOnTheWay() throws Exception {
        Resource resource = new ClassPathResource(FILE_IN_A_JAR);

        List<String> thrown = ThrownExceptions.during(() -> read(resource));

        assertThat(thrown).anyMatch(line -> line.contains("FileNotFoundException"));
    }

    @Test
    void readsAFileOnTheFileSystemThroughAFileChannel() throws Exception {
        Resource resource = new JarStreamedResource("static/").createRelative("index.html");
        assertThat(resource.isFile()).isTrue();

        try (ReadableByteChannel channel = resource.readableChannel()) {
            assertThat(channel).isInstanceOf(FileChannel.class);
        }
        assertThat(read(resource)).isEqualTo(resource.getContentAsByteArray());
    }

    private static byte[] read(Resource resource) {
        return DataBufferUtils.join(DataBufferUtils.read(resource, DefaultDataBufferFactory.sharedInstance, 1024))
            .map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            })
            .block();
    }
}
