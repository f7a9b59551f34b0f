package org.modelgov.evidence;

/**
 * One input a report was computed from, with the SHA-256 of its exact bytes so an auditor can check
 * later that a file is the one used.
 */
public record EvidenceInput(String part, String filename, long bytes, String sha256) {
}
