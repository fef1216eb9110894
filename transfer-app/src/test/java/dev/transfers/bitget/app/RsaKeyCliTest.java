package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.fake.simulator.RsaTestKey;
import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.domain.AccountType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RSA API key given to the CLI as PEM text ({@code BITGET_API_PRIVATE_KEY}) or as a file
 * ({@code BITGET_API_PRIVATE_KEY_FILE}), against a {@link SimulatedBitget} that checks RSA
 * signatures; every run's output is checked for the key's material.
 */
class RsaKeyCliTest {
    private static final String KEY = "cli-rsa-key";
    private static final String PASSPHRASE = "cli-rsa-passphrase-must-never-print";
    private static final RsaTestKey RSA = RsaTestKey.generate();
    /** A line from the middle of the PEM: the canary no output may contain. */
    private static final String PEM_LINE = RSA.privateKeyPem().lines().skip(3).findFirst().orElseThrow();

    private SimulatedBitget sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.liveRsa(KEY, RSA.publicKey(), PASSPHRASE, "uid-rsa"))
                .start();
        sim.seedBalance(AccountType.SPOT, "USDT", new BigDecimal("1000"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void transfersWithThePemInTheEnvironment() {
        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY", RSA.privateKeyPem()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sim.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("5");
    }

    @Test
    void transfersWithThePemInAFile(@TempDir Path dir) throws IOException {
        Path pem = Files.writeString(dir.resolve("bitget.pem"), RSA.privateKeyPem());

        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY_FILE", pem.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sim.balance(AccountType.USDT_FUTURES, "USDT")).isEqualByComparingTo("5");
    }

    @Test
    void exit2_aSecretAndAnRsaKeyTogether() {
        CliRunner.Run run = transfer(Map.of("BITGET_API_SECRET", "some-secret",
                "BITGET_API_PRIVATE_KEY", RSA.privateKeyPem()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("set exactly one of BITGET_API_SECRET, BITGET_API_PRIVATE_KEY,"
                + " BITGET_API_PRIVATE_KEY_FILE, not BITGET_API_SECRET and BITGET_API_PRIVATE_KEY")
                .doesNotContain("some-secret");
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void exit2_noSigningVariableMentionsTheRsaOnes() {
        CliRunner.Run run = transfer(Map.of());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("BITGET_API_SECRET", "BITGET_API_PRIVATE_KEY", "BITGET_API_PRIVATE_KEY_FILE");
    }

    @Test
    void exit2_aMalformedPemNamesTheVariableNeverTheKey() {
        String damaged = RSA.privateKeyPem().replace(PEM_LINE, PEM_LINE.substring(0, 40));

        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY", damaged));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("BITGET_API_PRIVATE_KEY is not a readable PKCS#8 RSA private key")
                .doesNotContain(PEM_LINE.substring(0, 40));
        assertThat(sim.requests()).isEmpty();
    }

    @Test
    void exit2_aPkcs1KeySaysHowToConvertIt() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_LINE + "\n-----END RSA PRIVATE KEY-----\n";

        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY", pkcs1));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("BITGET_API_PRIVATE_KEY is a PKCS#1 key", "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void exit2_anEcKeyIsTheWrongType(@TempDir Path dir) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String ecPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ec.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path pem = Files.writeString(dir.resolve("ec.pem"), ecPem);

        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY_FILE", pem.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("the file " + pem + " named by BITGET_API_PRIVATE_KEY_FILE is not a readable"
                + " PKCS#8 RSA private key").doesNotContain(ecPem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void exit2_aMissingFileNamesTheVariableAndThePath(@TempDir Path dir) {
        Path absent = dir.resolve("absent.pem");

        CliRunner.Run run = transfer(Map.of("BITGET_API_PRIVATE_KEY_FILE", absent.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("BITGET_API_PRIVATE_KEY_FILE names " + absent + ", but there is no such file");
    }

    @Test
    void theCredentialsToStringNamesTheSchemeAlone() {
        ApiCredentials rsa = new ApiCredentials(KEY, null, RSA.privateKeyPem(), PASSPHRASE);

        assertThat(rsa.toString()).contains("privateKeyPem=[redacted]").doesNotContain(PEM_LINE, PASSPHRASE, KEY);
    }

    /** A transfer with the API key and passphrase set and {@code signing} added; no output shows the key. */
    private CliRunner.Run transfer(Map<String, String> signing) {
        Map<String, String> env = new HashMap<>(signing);
        env.put("BITGET_API_KEY", KEY);
        if (!signing.isEmpty()) {
            env.put("BITGET_API_PASSPHRASE", PASSPHRASE);
        }
        CliRunner.Run run = CliRunner.run(env, "transfer", "--base-url", sim.baseUri().toString(),
                "--from", "spot", "--to", "usdt_futures", "--amount", "5", "--coin", "USDT");
        assertThat(run.out() + run.err()).as("no key material is ever printed").doesNotContain(PEM_LINE, PASSPHRASE);
        return run;
    }
}
