package org.modelgov.export;

import java.util.regex.Pattern;

/** File names inside the export, built from ids: only letters, digits, '.', '_' and '-' survive. */
public final class ExportNames {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX = 100;

    private ExportNames() {
    }

    /**
     * An id as one safe path segment: anything else becomes '_', leading dots are dropped (no "." or ".." segment,
     * no hidden file) and the length is capped.
     */
    public static String segment(String id) {
        String safe = UNSAFE.matcher(id == null ? "" : id).replaceAll("_").replaceFirst("^\\.+", "");
        if (safe.length() > MAX) {
            safe = safe.substring(0, MAX);
        }
        return safe.isEmpty() ? "_" : safe;
    }
}
