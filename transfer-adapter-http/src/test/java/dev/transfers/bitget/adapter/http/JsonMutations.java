package dev.transfers.bitget.adapter.http;

/** Edits of JSON-ish text that the response fuzz tests share. */
final class JsonMutations {

    private JsonMutations() {
    }

    /**
     * {@code body} with the value after the first {@code key} (such as {@code "\"code\":"}) replaced
     * by {@code replacement}; the value ends at the next comma or closing bracket of its own depth.
     * Unchanged when the key is absent.
     */
    static String replaceValue(String body, String key, String replacement) {
        int at = body.indexOf(key);
        if (at < 0) {
            return body;
        }
        int valueStart = at + key.length();
        int valueEnd = valueStart;
        int depth = 0;
        boolean inString = false;
        while (valueEnd < body.length()) {
            char c = body.charAt(valueEnd);
            if (c == '"' && (valueEnd == 0 || body.charAt(valueEnd - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!inString && c == ',' && depth == 0) {
                break;
            }
            valueEnd++;
        }
        return body.substring(0, valueStart) + replacement + body.substring(valueEnd);
    }
}
