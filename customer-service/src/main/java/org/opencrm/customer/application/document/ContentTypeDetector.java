package org.opencrm.customer.application.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.opencrm.customer.domain.document.DocumentStore;
import org.springframework.stereotype.Component;

/**
 * A document's content type from its bytes (Apache Tika's magic-byte detection), never the type the client claims. The
 * file name only narrows what the bytes say (a ZIP container named {@code .docx} is a Word document; a Windows
 * executable named {@code .pdf} stays an executable).
 */
@Component
class ContentTypeDetector {

    private final Tika tika;

    ContentTypeDetector(Tika tika) {
        this.tika = tika;
    }

    String detect(DocumentStore.Content content, String filename) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        try (InputStream bytes = content.open(); TikaInputStream stream = TikaInputStream.get(bytes)) {
            return tika.getDetector().detect(stream, metadata).getBaseType().toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the spooled upload", ex);
        }
    }
}
