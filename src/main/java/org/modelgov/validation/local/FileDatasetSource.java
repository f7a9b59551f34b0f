package org.modelgov.validation.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.modelgov.validation.DatasetSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local mode: datasets are files on this machine ({@code file:} URIs). */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "local", matchIfMissing = true)
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
            throw new IOException(uri + " is not a file: URI; in local mode (modelgov.integration=local) datasets"
                    + " must be files on the ModelGov server; s3:// needs modelgov.integration=aws");
        }
        return Path.of(parsed);
    }
}
