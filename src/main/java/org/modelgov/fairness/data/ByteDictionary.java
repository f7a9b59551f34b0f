package org.modelgov.fairness.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gives each distinct byte string (a categorical CSV value) a small int code, in order of first
 * appearance. Lookups hash the bytes in place, so a value already seen costs no allocation.
 */
public final class ByteDictionary {

    private byte[][] keys = new byte[16][];
    private int[] codes = new int[16];
    private int[] hashes = new int[16];
    private final List<String> values = new ArrayList<>();

    /** The code of {@code bytes[start, end)}, adding it when new. */
    public int codeOf(byte[] bytes, int start, int end) {
        int hash = hash(bytes, start, end);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && equal(keys[slot], bytes, start, end)) {
                return codes[slot];
            }
            slot = (slot + 1) & mask;
        }
        int code = values.size();
        keys[slot] = Arrays.copyOfRange(bytes, start, end);
        codes[slot] = code;
        hashes[slot] = hash;
        values.add(new String(keys[slot], StandardCharsets.UTF_8));
        if (values.size() * 2 > keys.length) {
            rehash();
        }
        return code;
    }

    public int codeOf(CsvRow row, int column) {
        return codeOf(row.buffer(), row.start(column), row.end(column));
    }

    public int size() {
        return values.size();
    }

    /** The distinct values, index = code. */
    public List<String> values() {
        return values;
    }

    public String value(int code) {
        return values.get(code);
    }

    private void rehash() {
        byte[][] oldKeys = keys;
        int[] oldCodes = codes;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        codes = new int[keys.length];
        hashes = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                codes[slot] = oldCodes[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private static int hash(byte[] bytes, int start, int end) {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    private static boolean equal(byte[] key, byte[] bytes, int start, int end) {
        if (key.length != end - start) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }
}
