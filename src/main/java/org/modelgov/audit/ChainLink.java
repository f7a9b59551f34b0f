package org.modelgov.audit;

/**
 * One link of the audit hash chain without the event's content: its position, the hash it links to and its own
 * hash. Enough to check that a run of the chain is continuous without revealing what the events say.
 */
public record ChainLink(long chainSeq, String prevHash, String hash) {
}
