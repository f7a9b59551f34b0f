package org.modelgov.validation.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.modelgov.validation.DatasetRefused;
import org.modelgov.validation.DatasetStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Datasets as files on the ModelGov server ({@code file:} URIs), in both modes, read only under the configured
 * dataset folders ({@code modelgov.datasets.roots}). The path is normalised and its symlinks resolved before the
 * check, at registration and again at every read, so neither {@code ..} nor a link leads outside.
 */
@Component
class FileDatasetStore implements DatasetStore {

    private final List<Path> roots;
    private final String described;

    FileDatasetStore(@Value("${modelgov.datasets.roots}") List<String> roots) {
        List<Path> resolved = new ArrayList<>();
        for (String root : roots) {
            if (root != null && !root.isBlank()) {
                resolved.add(real(Path.of(root.strip()).toAbsolutePath().normalize()));
            }
        }
        this.roots = List.copyOf(resolved);
        this.described = this.roots.isEmpty() ? "(none configured: set modelgov.datasets.roots)"
                : String.join(", ", this.roots.stream().map(Path::toString).toList());
    }

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public void checkLocation(URI uri) throws DatasetRefused {
        allowedPath(uri);
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        Path path = allowedPath(uri);
        if (!Files.isRegularFile(path)) {
            throw new DatasetRefused("names no file: " + uri.getPath() + " does not exist under " + described);
        }
        if (!Files.isReadable(path)) {
            throw new DatasetRefused("cannot be read by ModelGov (file permissions)");
        }
        // the path is real (every link resolved): a link put in its place since the check is not followed
        return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public long size(URI uri) {
        try {
            return Files.size(allowedPath(uri));
        } catch (IOException e) {
            return -1;
        }
    }

    /** The real path of the file, when it lies under a dataset folder; refused otherwise, naming the folders. */
    private Path allowedPath(URI uri) throws DatasetRefused {
        Path path;
        try {
            if (uri.getAuthority() != null || uri.getPath() == null || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException("not a plain file URI");
            }
            path = real(Path.of(uri).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new DatasetRefused("must be a file: URI with an absolute path, e.g. file:/data/evaluation.csv");
        }
        for (Path root : roots) {
            if (path.startsWith(root) && !path.equals(root)) {
                return path;
            }
        }
        throw new DatasetRefused("is outside the dataset folders ModelGov may read: put the file under "
                + described);
    }

    /** Resolves symlinks as far as the path exists, so a link inside a dataset folder cannot point outside. */
    private static Path real(Path path) {
        Path existing = path;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            Path realExisting = existing.toRealPath();
            return rest == null ? realExisting : realExisting.resolve(rest).normalize();
        } catch (IOException e) {
            return path;
        }
    }
}
