package org.modelgov.export;

/**
 * One file of an auditor's export: its path inside the ZIP (e.g. {@code model-cards/CREDIT-1-v2.pdf}), its media
 * type and its bytes. The manifest lists each with its SHA-256.
 */
public record ExportFile(String path, String mediaType, byte[] content) {

    public ExportFile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("an export path is relative, without '..' or '\\': " + path);
        }
    }
}
