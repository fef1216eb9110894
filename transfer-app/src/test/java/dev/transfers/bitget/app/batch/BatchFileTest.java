package dev.transfers.bitget.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFileTest {
    @TempDir
    Path dir;

    private static List<BatchRow> read(Path file) throws BatchFileException {
        List<BatchRow> rows = new ArrayList<>();
        try (BatchFile.Rows open = BatchFile.open(file)) {
            open.forEachRemaining(rows::add);
        }
        return rows;
    }

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void keepsFileLineNumbersAcrossBlankLinesAndTrimsValues() throws BatchFileException, IOException {
        List<BatchRow> rows = read(file("\uFEFFFrom,To,Amount,Coin,Symbol,ClientOid\r\n\r\n"
                + " spot , isolated_margin ,1,USDT,BTCUSDT,\n\n\"spot\",\"usdt_futures\",\"2\",USDT,,x-1")); 

        assertThat(rows).extracting(BatchRow::line).containsExactly(3L, 5L);
        assertThat(rows.get(0).values()).containsExactly("spot", "isolated_margin", "1", "USDT", "BTCUSDT", "");
        assertThat(rows.get(1).clientOid()).isEqualTo("x-1");
    }

    @Test
    void reportsAMalformedLineWithoutStoppingTheOthers() throws BatchFileException, IOException {
        List<BatchRow> rows = read(file(
                "from,to,amount,coin,symbol,clientOid\n\"spot,usdt_futures,1,USDT,,\nspot,usdt_futures,1,USDT,,,\n"
                        + "spot,usdt_futures,1,USDT,,\n"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).malformation()).hasValueSatisfying(p -> assertThat(p).contains("not valid CSV"));
        assertThat(rows.get(1).malformation()).hasValueSatisfying(p -> assertThat(p).contains("found 7"));
        assertThat(rows.get(2).malformation()).isEmpty();
    }

    @Test
    void refusesAMissingOrWrongHeader() throws IOException {
        Path empty = file("\n\n");
        assertThatThrownBy(() -> read(empty)).isInstanceOf(BatchFileException.class).hasMessageContaining("empty");
        Path wrong = file("to,from,amount,coin,symbol,clientOid\n");
        assertThatThrownBy(() -> read(wrong)).isInstanceOf(BatchFileException.class)
                .hasMessageContaining("line 1: expected the header");
    }

    @Test
    void aFileThatIsNotUtf8FarDownIsRefusedBeforeAnyRowIsTaken() throws IOException {
        byte[] head = "from,to,amount,coin,symbol,clientOid\nspot,usdt_futures,1,USDT,,\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 100_000];
        System.arraycopy(head, 0, content, 0, head.length);
        java.util.Arrays.fill(content, head.length, content.length - 1, (byte) '\n');
        content[content.length - 1] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("latin.csv"), content);

        assertThatThrownBy(() -> BatchFile.open(file)).isInstanceOf(BatchFileException.class)
                .hasMessageContaining("not UTF-8");
    }
}
