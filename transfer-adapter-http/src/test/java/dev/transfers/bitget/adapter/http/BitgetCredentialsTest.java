package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitgetCredentialsTest {
    private static final String API_KEY = "bg_0123456789abcdef";
    private static final String SECRET = "s3cr3t-hmac-value";
    private static final String PASSPHRASE = "pass-phrase-42";

    @Test
    void toStringShowsSchemeAndMaskedKeyOnly() {
        String shown = BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE).toString();

        assertThat(shown).isEqualTo("BitgetCredentials[HMAC-SHA256, apiKey=bg_0****]")
                .doesNotContain(SECRET, PASSPHRASE, API_KEY);
    }

    @Test
    void rsaToStringShowsNoKeyMaterial() throws Exception {
        String pem = RequestSignerTest.pkcs8Pem(RequestSignerTest.rsaKeyPair());

        String shown = BitgetCredentials.rsa(API_KEY, pem, PASSPHRASE).toString();

        assertThat(shown).isEqualTo("BitgetCredentials[RSA-SHA256, apiKey=bg_0****]");
    }

    @Test
    void shortApiKeysAreHiddenEntirely() {
        assertThat(BitgetCredentials.hmac("abcd1234", SECRET, PASSPHRASE).toString()).contains("apiKey=****")
                .doesNotContain("abcd");
    }

    @Test
    void blankValuesAreRefusedByName() {
        assertThatThrownBy(() -> BitgetCredentials.hmac(API_KEY, " ", PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("secret must not be blank");
        assertThatThrownBy(() -> BitgetCredentials.hmac(API_KEY, SECRET, null))
                .isInstanceOf(NullPointerException.class).hasMessage("passphrase");
        assertThatThrownBy(() -> BitgetCredentials.rsa("", "pem", PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("apiKey must not be blank");
    }

    @Test
    void headerUnsafeValuesAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> BitgetCredentials.hmac(API_KEY, SECRET, "pass\nphrase"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passphrase must be printable ASCII (it is sent as a header)");
    }
}
