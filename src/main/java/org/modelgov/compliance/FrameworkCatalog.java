package org.modelgov.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The regulatory frameworks ModelGov measures models against, read once at start-up: the bundled files under
 * {@code compliance/frameworks/}, or the {@code *.yaml} files of the directory a compliance officer maintains
 * ({@code modelgov.compliance.frameworks-location}). A file that cannot be read stops start-up with a message
 * naming the file, the line and the field: a report measured against half a framework would mislead.
 */
@Component
public class FrameworkCatalog {

    private static final Logger log = LoggerFactory.getLogger(FrameworkCatalog.class);
    static final String BUNDLED = "classpath:compliance/frameworks/*.yaml";

    private final List<Framework> frameworks;
    private final String location;

    @Autowired
    FrameworkCatalog(ComplianceProperties properties) {
        this(properties.frameworksLocation());
    }

    FrameworkCatalog(String location) {
        this.location = location == null || location.isBlank() ? "bundled" : location;
        this.frameworks = location == null || location.isBlank() ? loadBundled() : loadDirectory(Path.of(location));
        log.info("Compliance frameworks ({}): {}", this.location, frameworks.stream()
                .map(f -> f.id() + " " + f.fileVersion()).toList());
    }

    public List<Framework> frameworks() {
        return frameworks;
    }

    /** Where the frameworks were read from: {@code bundled} or the directory. */
    public String location() {
        return location;
    }

    static List<Framework> loadBundled() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
            List<Framework> result = new ArrayList<>();
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    result.add(checked(FrameworkParser.parse(r.getFilename(), in.readAllBytes())));
                }
            }
            return sorted(result);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled compliance frameworks could not be read", e);
        }
    }

    static List<Framework> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FrameworkParser.InvalidFrameworkFile("modelgov.compliance.frameworks-location " + dir
                    + " is not a directory");
        }
        List<Framework> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                result.add(checked(FrameworkParser.parse(f.getFileName().toString(), Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the compliance frameworks in " + dir + " could not be read", e);
        }
        if (result.isEmpty()) {
            throw new FrameworkParser.InvalidFrameworkFile("modelgov.compliance.frameworks-location " + dir
                    + " holds no *.yaml framework file");
        }
        return sorted(result);
    }

    /** Every evidence reference must name something ModelGov records, and ids must be unique across files. */
    static Framework checked(Framework f) {
        for (int i = 0; i < f.requirements().size(); i++) {
            Requirement r = f.requirements().get(i);
            for (EvidenceRef ref : r.evidence()) {
                EvidenceVocabulary.problem(ref).ifPresent(problem -> {
                    throw new FrameworkParser.InvalidFrameworkFile(f.fileName() + ", requirement " + r.id()
                            + " evidence: " + problem);
                });
            }
        }
        return f;
    }

    private static List<Framework> sorted(List<Framework> list) {
        Set<String> ids = new HashSet<>();
        for (Framework f : list) {
            if (!ids.add(f.id())) {
                throw new FrameworkParser.InvalidFrameworkFile(f.fileName() + ": framework id " + f.id()
                        + " is used by another file too");
            }
        }
        return list.stream().sorted(Comparator.comparing(Framework::id)).toList();
    }
}
