package org.modelgov.compliance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the compliance frameworks come from ({@code modelgov.compliance.*}).
 *
 * @param frameworksLocation a directory whose {@code *.yaml} files replace the bundled frameworks (one a compliance
 *                           officer maintains); empty or unset: the bundled files
 */
@ConfigurationProperties("modelgov.compliance")
public record ComplianceProperties(String frameworksLocation) {
}
