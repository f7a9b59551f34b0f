package org.modelgov.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.modelgov.common.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams every audit event that matches a query as CSV (RFC 4180) or JSON: rows are written as the database
 * hands them over, so an export of the whole log needs no more memory than one row. Used by the API and by
 * the audit page (which has a session instead of HTTP Basic).
 */
@Component
class AuditExport {

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String CSV_HEADER = "seq,occurredAt,actor,action,entityType,entityId,details,prevHash,hash,chainSeq";

    /** The formats an export can take. */
    enum Format {
        CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)), JSON(MediaType.APPLICATION_JSON);

        final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("format", "must be csv or json");
            }
        }
    }

    private final AuditLog log;
    private final ObjectMapper json;
    private final Clock clock;

    AuditExport(AuditLog log, ObjectMapper json, Clock clock) {
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    ResponseEntity<StreamingResponseBody> export(AuditQuery query, Format format) {
        // an export is proof: every event committed so far leaves with its chain position and hash
        log.sealPending();
        String filename = "audit-trail-" + FILE_STAMP.format(clock.instant()) + "." + format.name().toLowerCase(Locale.ROOT);
        StreamingResponseBody body = out -> {
            if (format == Format.CSV) {
                writeCsv(query, out);
            } else {
                writeJson(query, out);
            }
        };
        return ResponseEntity.ok()
                .contentType(format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private void writeCsv(AuditQuery query, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(CSV_HEADER);
        writer.write("\r\n");
        try {
            log.forEach(query, e -> {
                try {
                    writer.write(Long.toString(e.seq()));
                    for (String cell : new String[] {e.occurredAt().toString(), e.actor(), e.action(), e.entityType(),
                            e.entityId(), e.details(), e.prevHash(), e.hash(),
                            e.chainSeq() == null ? null : e.chainSeq().toString()}) {
                        writer.write(',');
                        writer.write(csvCell(cell));
                    }
                    writer.write("\r\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private void writeJson(AuditQuery query, OutputStream out) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out);
        generator.writeStartArray();
        try {
            log.forEach(query, e -> {
                try {
                    json.writeValue(generator, e);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        generator.writeEndArray();
        generator.flush();
    }

    /**
     * One CSV field: a text a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) gets
     * a leading quote (OWASP CSV injection); a field with a comma, quote or line break is quoted, quotes doubled.
     */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
