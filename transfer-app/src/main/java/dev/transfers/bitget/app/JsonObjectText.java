package dev.transfers.bitget.app;

import java.util.List;

/**
 * One JSON object as one line of text, fields in the order they are put: what {@code --json}
 * prints. Written without a JSON library: the architecture keeps Jackson inside the HTTP adapter,
 * and a second library would load for a few flat objects at every start. Strings are escaped as
 * RFC 8259 requires (quote, backslash, control characters), and U+2028 and U+2029 too; a field
 * whose value is {@code null} is left out.
 */
final class JsonObjectText {
    private final StringBuilder json = new StringBuilder("{");

    /** Adds a string field, or nothing when the value is {@code null}. */
    JsonObjectText put(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
        return this;
    }

    /** Adds a number field. */
    JsonObjectText put(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    /** Adds an array of strings. */
    JsonObjectText put(String name, List<String> values) {
        name(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(values.get(i));
        }
        json.append(']');
        return this;
    }

    /** The object, such as {@code {"status":"applied","transferId":"1"}}. */
    @Override
    public String toString() {
        return json + "}";
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
