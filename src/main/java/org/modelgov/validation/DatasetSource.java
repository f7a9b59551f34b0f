package org.modelgov.validation;

import java.io.IOException;
import java.io.InputStream;

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
}
