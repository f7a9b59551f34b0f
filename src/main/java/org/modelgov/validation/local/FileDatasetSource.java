package org.modelgov.validation.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.modelgov.validation.DatasetSource;
import org.springframework.stereotype.Component;

/** Datasets as files on the ModelGov server ({@code file:} URIs), in both modes; S3 is not read yet. */
@Component
class FileDatasetSource implements DatasetSource {

    @Override
    public InputStream open(String uri) throws IOException {
        try {
            return Files.newInputStream(path(uri));
        } catch (NoSuchFileException e) {
            throw new IOException("no file at " + uri);
        }
    }

    @Override
    public long size(String uri) {
        try {
            return Files.size(path(uri));
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path path(String uri) throws IOException {
        URI parsed = URI.create(uri);
        if (!"file".equalsIgnoreCase(parsed.getScheme())) {
            throw new IOException(uri + " is not a file: URI; ModelGov reads datasets from files on its server"
                    + " (reading s3:// objects is not built yet: copy the data next to ModelGov)");
        }
        return Path.of(parsed);
    }
}
