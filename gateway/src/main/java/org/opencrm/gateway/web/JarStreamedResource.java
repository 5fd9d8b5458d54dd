package org.opencrm.gateway.web;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * A class-path resource that, inside a jar, is read as the stream it is. {@link ClassPathResource} first asks for a
 * file channel, and in a jar gets there by throwing and catching a {@code FileNotFoundException}: one per web UI file
 * served, on the normal path of every page load (issue 11's rule).
 */
final class JarStreamedResource extends ClassPathResource {

    JarStreamedResource(String path) {
        super(path, JarStreamedResource.class.getClassLoader());
    }

    @Override
    public ReadableByteChannel readableChannel() throws IOException {
        return isFile() ? super.readableChannel() : Channels.newChannel(getInputStream());
    }

    /** The files beside it (a page's {@code .br} and {@code .gz} copies) are read the same way. */
    @Override
    public Resource createRelative(String relativePath) {
        return new JarStreamedResource(StringUtils.applyRelativePath(getPath(), relativePath));
    }
}
