package org.modelgov.validation;

import java.io.IOException;

/**
 * A dataset URI ModelGov will not read, or data it could not read. The message is safe to show the person who
 * named the URI: it says what is wrong and how to fix it, and never quotes the data.
 */
public class DatasetRefused extends IOException {

    public DatasetRefused(String message) {
        super(message);
    }
}
