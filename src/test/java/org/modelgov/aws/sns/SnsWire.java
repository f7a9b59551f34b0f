package org.modelgov.aws.sns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS at the wire level for tests: a client on a fake endpoint, and the query-protocol answers and requests. */
public final class SnsWire {

    private static final Pattern ATTRIBUTE = Pattern.compile("MessageAttributes\\.entry\\.(\\d+)\\.(.+)");

    private SnsWire() {
    }

    /** A client like AWS mode's (standard retries), on {@code endpoint}, with static test credentials. */
    public static SnsClient client(String endpoint) {
        return SnsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    public static String published(String messageId) {
        return "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                + messageId + "</MessageId></PublishResult><ResponseMetadata><RequestId>r-" + messageId
                + "</RequestId></ResponseMetadata></PublishResponse>";
    }

    public static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-err</RequestId></ErrorResponse>";
    }

    /** The form parameters of a request body, decoded. */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    /**
     * A Publish request as the model's member names: every parameter but Action and Version as itself,
     * MessageAttributes as a map name → {DataType, StringValue}. Parameters the parser does not know stay as they
     * are, so the shape check reports them.
     */
    public static ObjectNode publishInput(String body) {
        Map<String, String> form = form(body);
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        Map<String, Map<String, String>> entries = new TreeMap<>();
        form.forEach((name, value) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                entries.computeIfAbsent(attribute.group(1), k -> new TreeMap<>()).put(attribute.group(2), value);
            } else if (!name.equals("Action") && !name.equals("Version")) {
                input.put(name, value);
            }
        });
        if (!entries.isEmpty()) {
            ObjectNode attributes = input.putObject("MessageAttributes");
            entries.values().forEach(entry -> {
                ObjectNode value = attributes.putObject(entry.getOrDefault("Name", "<no Name>"));
                entry.forEach((member, v) -> {
                    if (member.startsWith("Value.")) {
                        value.put(member.substring("Value.".length()), v);
                    } else if (!member.equals("Name")) {
                        value.put(member, v);
                    }
                });
            });
        }
        return input;
    }
}
