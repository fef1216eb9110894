package dev.transfers.bitget.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a user sees when a property is wrong: Boot's start-up failure report, naming it, quoting no secret. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {
    private static final String SECRET = "report-secret-canary";
    private static final String PASSPHRASE = "report-passphrase-canary";

    @Test
    void theReportNamesEveryWrongPropertyAndNoSecret(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("bitget.transfer.credentials.secret=" + SECRET,
                        "bitget.transfer.credentials.private-key=-----BEGIN PRIVATE KEY-----" + SECRET,
                        "bitget.transfer.credentials.passphrase=" + PASSPHRASE,
                        "bitget.transfer.retry.max-attempts=0")
                .run().close());

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "bitget.transfer.credentials.api-key is required",
                "set exactly one of bitget.transfer.credentials.secret", "bitget.transfer.retry: max-attempts must be at least 1")
                .doesNotContain(SECRET, PASSPHRASE);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
