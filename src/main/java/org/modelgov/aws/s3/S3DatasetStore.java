package org.modelgov.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.modelgov.validation.DatasetRefused;
import org.modelgov.validation.DatasetStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS mode: datasets named by {@code s3://bucket/key} URIs, read from Amazon S3 (GetObject, streamed into the same
 * parsers as files) only under the configured locations ({@code modelgov.datasets.s3-prefixes}, e.g.
 * {@code s3://ml-data/credit/}). Credentials come from the default chain.
 */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class S3DatasetStore implements DatasetStore {

    /** S3's rules for bucket names (lower case, digits, dots, hyphens; 3 to 63 characters). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private record Location(String bucket, String keyPrefix) {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + keyPrefix;
        }
    }

    private record ObjectRef(String bucket, String key) {
    }

    private final S3Client s3;
    private final List<Location> allowed;

    S3DatasetStore(S3Client s3, @Value("${modelgov.datasets.s3-prefixes:}") List<String> prefixes) {
        this.s3 = s3;
        List<Location> locations = new ArrayList<>();
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isBlank()) {
                continue;
            }
            URI uri = URI.create(prefix.strip());
            if (!"s3".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("modelgov.datasets.s3-prefixes: " + prefix
                        + " is not an s3://bucket/prefix/ location");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            locations.add(new Location(uri.getHost(), path.startsWith("/") ? path.substring(1) : path));
        }
        this.allowed = List.copyOf(locations);
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public void checkLocation(URI uri) throws DatasetRefused {
        allowedObject(uri);
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        ObjectRef object = allowedObject(uri);
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build());
        } catch (NoSuchKeyException e) {
            throw new DatasetRefused("names no object: " + uri + " does not exist in S3");
        } catch (S3Exception e) {
            throw e.statusCode() == 403 || e.statusCode() == 404
                    ? new DatasetRefused("cannot be read by ModelGov in S3 (" + (e.statusCode() == 403
                    ? "access denied: check the IAM policy" : "no such bucket or object") + ")")
                    : new IOException("S3 could not read " + uri + " (HTTP " + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new IOException("S3 could not be reached to read " + uri, e);
        }
    }

    @Override
    public long size(URI uri) {
        try {
            ObjectRef object = allowedObject(uri);
            Long length = s3.headObject(HeadObjectRequest.builder().bucket(object.bucket()).key(object.key())
                    .build()).contentLength();
            return length == null ? -1 : length;
        } catch (DatasetRefused | SdkException e) {
            return -1;
        }
    }

    private ObjectRef allowedObject(URI uri) throws DatasetRefused {
        String bucket = uri.getHost();
        String path = uri.getPath();
        if (bucket == null || !BUCKET.matcher(bucket).matches() || path == null || path.length() < 2
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new DatasetRefused("must be an s3://bucket/key URI");
        }
        String key = path.substring(1);
        // S3 keys are literal, but a key that reads like a path escape is not one a dataset needs
        if (key.contains("//") || ("/" + key + "/").contains("/../") || ("/" + key + "/").contains("/./")) {
            throw new DatasetRefused("must not contain '.', '..' or empty path segments");
        }
        for (Location location : allowed) {
            if (location.bucket().equals(bucket) && key.startsWith(location.keyPrefix())) {
                return new ObjectRef(bucket, key);
            }
        }
        throw new DatasetRefused("is outside the S3 locations ModelGov may read: put it under " + (allowed.isEmpty()
                ? "(none configured: set modelgov.datasets.s3-prefixes)"
                : String.join(", ", allowed.stream().map(Location::toString).toList())));
    }
}
