package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectTextTest {

    @Test
    void writesFieldsInTheOrderTheyArePutOnOneLine() {
        String json = new JsonObjectText().put("line", 7).put("status", "invalid")
                .put("errors", List.of("a", "b")).put("absent", (String) null).toString();

        assertThat(json).isEqualTo("{\"line\":7,\"status\":\"invalid\",\"errors\":[\"a\",\"b\"]}");
    }

    @Test
    void escapesWhatJsonRequiresSoAnyTextReadsBackUnchanged() {
        String hostile = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 nul \u0000"
                + " separators \u2028 \u2029 unicode é 中 \uD83D\uDE00 slash / html <script>";

        String json = new JsonObjectText().put("error", hostile).put("errors", List.of(hostile)).toString();

        assertThat(json).doesNotContain("\n", "\r", "\u2028", "\u2029");
        JsonObject read = JsonParser.parseString(json).getAsJsonObject();
        assertThat(read.get("error").getAsString()).isEqualTo(hostile);
        assertThat(read.getAsJsonArray("errors").get(0).getAsString()).isEqualTo(hostile);
    }

    @Test
    void anEmptyObjectIsTwoBraces() {
        assertThat(new JsonObjectText()).hasToString("{}");
    }
}
