package org.modelgov.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** One kind of place datasets are read from, by URI scheme ({@code file}, {@code s3}). */
public interface DatasetStore {

    String scheme();

    /** @throws DatasetRefused when the URI is outside the locations ModelGov may read, or names nothing there */
    void checkLocation(URI uri) throws DatasetRefused;

    /** Opens the data; checks the location again first (a path may have changed since registration). */
    InputStream open(URI uri) throws IOException;

    /** Size in bytes, or -1 when unknown or not allowed. */
    long size(URI uri);
}
