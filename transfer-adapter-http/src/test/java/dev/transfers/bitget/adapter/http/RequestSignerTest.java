package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSignerTest {

    /** The test vectors of bitget/REFERENCE.md and bitget/transfer-records.md, verbatim. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "secret|`1725040472073GET/api/v2/spot/account/assets`|p8vWylxL4JJCyy6B81n82ZEySiWChClCw99FTDocviA=",
            "secret|`1659076670000POST/api/v2/spot/wallet/transfer{\"fromType\":\"spot\",\"toType\":\"isolated_margin\","
                    + "\"amount\":\"300\",\"coin\":\"USDT\",\"symbol\":\"BTCUSDT\",\"clientOid\":\"1\"}`"
                    + "|s9zBMh4a1QmpdchNrLxceTldcNYsjaOLQ+v8AhloiLM=",
            // The GET vector of bitget/transfer-records.md: the query is part of what is signed.
            "secret|`1700000000000GET/api/v2/spot/account/transferRecords?coin=USDT&clientOid=abc-1`"
                    + "|n4dtOvceQJjab6+iC9WppVIrGjoSvOk7QZ5DpcP7x3I="})
    void hmacSignsReferenceVectors(String secret, String prehash, String expectedSign) {
        assertThat(new RequestSigner.HmacSha256(secret).sign(prehash)).isEqualTo(expectedSign);
    }

    /** One signer, many threads, many prehashes: each signature is the one a signer of its own would give. */
    @Test
    void hmacSignsConcurrentlyAsOneSignerPerCallWould() throws Exception {
        RequestSigner.HmacSha256 shared = new RequestSigner.HmacSha256("secret");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String prehash = "1659076670000POST/api/v2/spot/wallet/transfer{\"clientOid\":\"" + i + "\"}";
                checks.add(threads.submit(() -> shared.sign(prehash)
                        .equals(new RequestSigner.HmacSha256("secret").sign(prehash))));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void prehashConcatenatesTimestampUpperCaseMethodPathAndBody() {
        assertThat(RequestSigner.prehash("1725040472073", "get", "/api/v2/spot/account/assets", ""))
                .isEqualTo("1725040472073GET/api/v2/spot/account/assets");
        assertThat(RequestSigner.prehash("1659076670000", "POST", "/api/v2/spot/wallet/transfer", "{\"a\":\"1\"}"))
                .isEqualTo("1659076670000POST/api/v2/spot/wallet/transfer{\"a\":\"1\"}");
    }

    @Test
    void rsaSignatureVerifiesWithThePublicKey() throws Exception {
        KeyPair pair = rsaKeyPair();
        String prehash = "1659076670000POST/api/v2/spot/wallet/transfer{\"clientOid\":\"1\"}";

        String sign = new RequestSigner.RsaSha256(pkcs8Pem(pair)).sign(prehash);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(prehash.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(sign))).isTrue();
    }

    @Test
    void rsaRefusesPkcs1KeysAndNamesTheFix() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nTUlJQ1NlY3JldA==\n-----END RSA PRIVATE KEY-----";

        assertThatThrownBy(() -> new RequestSigner.RsaSha256(pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8")
                .hasMessageNotContaining("TUlJQ1NlY3JldA==");
    }

    @Test
    void rsaRefusesAnUnreadableKeyWithoutQuotingIt() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> new RequestSigner.RsaSha256(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("privateKeyPem")
                .hasMessageNotContaining("bm90IGEga2V5IGF0IGFsbA==")
                .hasNoCause();
    }

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String pkcs8Pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
