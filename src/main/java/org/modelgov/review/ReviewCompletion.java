package org.modelgov.review;

import java.util.Map;

/**
 * Someone completing a lifecycle task: what they submitted (the task's variables) and where.
 *
 * @param basis the check run the task is about (validation round), or null
 */
public record ReviewCompletion(ReviewKind kind, String versionId, String basis, String actor, String taskId,
                               Map<String, Object> variables) {
}
