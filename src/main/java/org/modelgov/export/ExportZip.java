package org.modelgov.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.modelgov.common.Sha256;

/**
 * Writes a ZIP one entry at a time straight to the response, digesting each entry as it passes, so the manifest can
 * list every file's size and SHA-256 without keeping any file in memory. Plain Java: no Spring, no database.
 */
final class ExportZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final FileTime entryTime;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    ExportZip(OutputStream out, Instant exportedAt) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.entryTime = FileTime.from(exportedAt);
    }

    /** What a written entry was: its path, size in bytes and SHA-256 (lower-case hex). */
    record Entry(String path, long size, String sha256) {
    }

    /** Something that writes one entry's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    Entry add(String path, byte[] content) throws IOException {
        return add(path, out -> out.write(content));
    }

    Entry add(String path, String text) throws IOException {
        return add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one entry; a path may appear once (a second one would hide the first from an unzip tool). */
    Entry add(String path, Content content) throws IOException {
        if (!paths.add(path)) {
            throw new IllegalStateException("two files of the export have the path " + path);
        }
        ZipEntry entry = new ZipEntry(path);
        entry.setLastModifiedTime(entryTime);
        zip.putNextEntry(entry);
        MessageDigest sha256 = Sha256.newDigest();
        Counting counting = new Counting(zip, sha256);
        content.writeTo(counting);
        zip.closeEntry();
        Entry written = new Entry(path, counting.count, Sha256.hex(sha256));
        entries.add(written);
        return written;
    }

    boolean has(String path) {
        return paths.contains(path);
    }

    /** Every entry written so far, in order. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Passes bytes to the ZIP, counting and digesting them; closing it leaves the ZIP open. */
    private static final class Counting extends FilterOutputStream {

        private final MessageDigest digest;
        private long count;

        Counting(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
