package org.modelgov.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Database credentials as Secrets Manager keeps them for RDS: a JSON object with {@code username} and
 * {@code password}, and optionally {@code engine}, {@code host}, {@code port} and {@code dbname}. The password never
 * leaves this record in text: {@link #toString()} leaves it out, and a secret that cannot be read is reported
 * without its content.
 */
public record DatabaseSecret(String username, String password, String engine, String host, Integer port,
                             String dbname) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads an RDS-format SecretString; an unusable one is an {@link IllegalStateException} naming only the secret. */
    public static DatabaseSecret parse(String secretId, String secretString) {
        JsonNode json;
        try {
            json = JSON.readTree(secretString);
        } catch (IOException e) {
            // no cause and no parser message: either can quote the secret's text
            throw new IllegalStateException("Secret " + secretId + " is not JSON; database credentials are expected in"
                    + " the RDS format {\"username\": ..., \"password\": ..., \"host\": ..., \"port\": ..., \"dbname\": ...}");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("Secret " + secretId + " is not a JSON object with username and password");
        }
        String username = text(json, "username");
        String password = text(json, "password");
        if (username == null || password == null) {
            throw new IllegalStateException("Secret " + secretId + " has no " + (username == null ? "username" : "password")
                    + "; database credentials need both (RDS secret format)");
        }
        JsonNode port = json.path("port");
        Integer portNumber = null;
        if (port.isIntegralNumber()) {
            portNumber = port.asInt();
        } else if (port.isTextual() && port.asText().matches("\\d{1,5}")) {
            portNumber = Integer.parseInt(port.asText());
        } else if (!port.isMissingNode() && !port.isNull()) {
            throw new IllegalStateException("Secret " + secretId + " has a port that is not a number");
        }
        return new DatabaseSecret(username, password, text(json, "engine"), text(json, "host"), portNumber,
                text(json, "dbname"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Whether both log in the same way (user and password): a re-read that changed neither cannot help. */
    boolean sameLogin(DatabaseSecret other) {
        return other != null && username.equals(other.username) && password.equals(other.password);
    }

    @Override
    public String toString() {
        return "DatabaseSecret[username=" + username + ", password=(hidden), engine=" + engine + ", host=" + host
                + ", port=" + port + ", dbname=" + dbname + "]";
    }
}
