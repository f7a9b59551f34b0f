package org.modelgov.fairness.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modelgov.fairness.MetricsInputException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON in and out with jackson-core's streaming API only. Jackson's data binding would load some
 * 400 classes and cost the command line a few hundred milliseconds at start-up; configs and reports
 * are small, so plain maps and lists do.
 *
 * <p>{@link #parse} gives {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Long} (integral numbers), {@code Double}, {@code Boolean} or null.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Parses one JSON document; malformed JSON is a {@link MetricsInputException} naming line and column. */
    public static Object parse(InputStream in, String what) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new MetricsInputException(what + ": empty; a JSON object is needed");
            }
            return value(parser, token);
        } catch (JsonParseException e) {
            throw new MetricsInputException(what + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new MetricsInputException(what + ": could not be read: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    /** Something that writes itself with a generator. */
    @FunctionalInterface
    public interface Writable {
        void write(JsonGenerator out) throws IOException;
    }

    /** A report that writes itself as one JSON document, to a stream or as a String. */
    public interface Report extends Writable {

        /** Writes indented JSON to {@code out} (left open). */
        default void writeJson(OutputStream out) {
            Json.write(out, this);
        }

        default String toJson() {
            return Json.toString(this);
        }
    }

    /** Writes indented JSON to {@code out} (left open). */
    public static void write(OutputStream out, Writable body) {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toString(Writable body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(out, body);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A number, or the strings "Infinity" / "-Infinity" as Clarify writes them; never NaN. */
    public static void writeNumber(JsonGenerator out, String field, double value) throws IOException {
        if (Double.isInfinite(value)) {
            out.writeStringField(field, value > 0 ? "Infinity" : "-Infinity");
        } else if (Double.isNaN(value)) {
            out.writeNullField(field);
        } else {
            out.writeNumberField(field, value);
        }
    }
}
