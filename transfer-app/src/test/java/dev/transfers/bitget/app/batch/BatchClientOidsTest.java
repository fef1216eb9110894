package dev.transfers.bitget.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.Transfer;
import org.junit.jupiter.api.Test;

class BatchClientOidsTest {
    private static final Transfer TEN_USDT = Transfer.parse("spot", "usdt_futures", "10", "USDT", null, null);

    @Test
    void isDeterministicAcrossRuns() {
        assertThat(new BatchClientOids("a.csv").next(TEN_USDT)).isEqualTo(new BatchClientOids("a.csv").next(TEN_USDT));
    }

    @Test
    void fitsTheClientOidRules() {
        String key = new BatchClientOids("transfers.csv").next(TEN_USDT);

        assertThat(key).hasSize(Transfer.MAX_CLIENT_OID_LENGTH).startsWith("b-").matches("[A-Za-z0-9._:-]{1,64}");
    }

    @Test
    void identicalRowsGetDistinctKeysByOccurrence() {
        BatchClientOids keys = new BatchClientOids("a.csv");

        assertThat(keys.next(TEN_USDT)).isNotEqualTo(keys.next(TEN_USDT));
    }

    @Test
    void dependsOnTheFileNameAndEveryField() {
        String base = new BatchClientOids("a.csv").next(TEN_USDT);

        assertThat(new BatchClientOids("b.csv").next(TEN_USDT)).isNotEqualTo(base);
        assertThat(new BatchClientOids("a.csv").next(Transfer.parse("spot", "usdt_futures", "11", "USDT", null, null)))
                .isNotEqualTo(base);
        assertThat(new BatchClientOids("a.csv").next(Transfer.parse("spot", "coin_futures", "10", "USDT", null, null)))
                .isNotEqualTo(base);
        assertThat(new BatchClientOids("a.csv").next(Transfer.parse("spot", "usdt_futures", "10", "BTC", null, null)))
                .isNotEqualTo(base);
    }

    @Test
    void normalisesTheAmountSoTrailingZerosDoNotMakeANewTransfer() {
        assertThat(new BatchClientOids("a.csv").next(Transfer.parse("spot", "usdt_futures", "10.00", "USDT", null, null)))
                .isEqualTo(new BatchClientOids("a.csv").next(TEN_USDT));
    }

    @Test
    void keyOfARowDoesNotDependOnOtherRows() {
        BatchClientOids withOthers = new BatchClientOids("a.csv");
        withOthers.next(Transfer.parse("spot", "usdt_futures", "99", "USDT", null, null));

        assertThat(withOthers.next(TEN_USDT)).isEqualTo(new BatchClientOids("a.csv").next(TEN_USDT));
    }
}
