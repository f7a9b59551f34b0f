package org.modelgov.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.modelgov.evidence.Upload;

/**
 * Port: reads the datasets and reports a version refers to by URI ({@code file:} under the configured dataset
 * folders, {@code s3://} under the configured buckets in AWS mode). Nothing else is ever read.
 */
public interface DatasetSource {

    /** @throws IOException ({@link DatasetRefused}) with a message a model owner can act on and no data in it */
    InputStream open(String uri) throws IOException;

    /** Size in bytes, or -1 when unknown. */
    long size(String uri);

    /** @throws DatasetRefused when ModelGov may not read this URI; says which locations it may read */
    void checkLocation(String uri) throws DatasetRefused;

    /** The dataset at {@code uri} as the evidence upload {@code part}, named by its file name and opened when read. */
    default Upload upload(String part, String uri) {
        return new Upload(part, uri.substring(uri.lastIndexOf('/') + 1), size(uri), () -> {
            try {
                return open(uri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
