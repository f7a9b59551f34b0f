package org.modelgov.evidence;

import java.util.concurrent.Callable;

/**
 * Port: measures how long each report analysis takes, by kind, for operators (the adapter records it in
 * Micrometer, {@code org.modelgov.operations}). Returns the analysis's result and rethrows its failure unchanged.
 */
public interface ReportAnalysisTimer {

    <T> T time(ReportKind kind, Callable<T> analysis) throws Exception;
}
