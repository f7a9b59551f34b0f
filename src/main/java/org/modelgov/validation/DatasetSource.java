package org.modelgov.validation;

import java.io.IOException;
import java.io.InputStream;

/** Port: reads the datasets and reports a version refers to by URI ({@code file:} locally, {@code s3://} in AWS). */
public interface DatasetSource {

    /** @throws IOException with a message a model owner can act on when the data cannot be read */
    InputStream open(String uri) throws IOException;

    /** Size in bytes, or -1 when unknown. */
    long size(String uri);
}
