package dev.transfers.bitget.domain;

/** Renders a caller's value for an error message: quoted, printable, and short. */
final class Quoting {
    private static final int MAX_SHOWN = 40;

    private Quoting() {
    }

    static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder shown = new StringBuilder("'");
        int limit = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (value.length() > MAX_SHOWN) {
            shown.append(" (").append(value.length()).append(" characters, cut)");
        }
        return shown.toString();
    }
}
