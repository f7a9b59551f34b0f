package org.modelgov.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * One uploaded part, opened as a stream when it is read (uploads can be hundreds of MB, so they are
 * never held in memory whole).
 *
 * @param part     the multipart part name ({@code data}, {@code config}, {@code reference}, ...)
 * @param filename the file name the client sent, or null for a plain form field
 * @param size     bytes, as the upload reported them
 */
public record Upload(String part, String filename, long size, Source source) {

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
