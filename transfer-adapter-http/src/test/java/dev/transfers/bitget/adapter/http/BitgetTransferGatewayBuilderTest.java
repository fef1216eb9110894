package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BitgetTransferGatewayBuilderTest {
    private static final BitgetCredentials CREDENTIALS =
            BitgetCredentials.hmac("bg_builder_key_1", "builder-secret", "builder-passphrase");

    @Test
    void missingCredentialsFailAtBuildNamingTheSetting() {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("credentials is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.bitget.com", "/api", "https://api.bitget.com?x=1"})
    void aBaseUrlThatIsNotAnHttpOriginIsRefused(String url) {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS).baseUrl(URI.create(url)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS)
                .readTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS)
                .connectTimeout(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS)
                .deadline(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    }

    @Test
    void anOddLocaleIsRefused() {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().credentials(CREDENTIALS).locale("en US\n").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("locale");
    }

    @Test
    void nullSettingsAreRefusedByName() {
        assertThatThrownBy(() -> BitgetTransferGateway.builder().sleeper(null))
                .isInstanceOf(NullPointerException.class).hasMessage("sleeper");
    }

    @Test
    void toStringShowsWhereAndWhoButNoSecret() {
        String shown = BitgetTransferGateway.builder().credentials(CREDENTIALS).demoTrading(true).build().toString();

        assertThat(shown).contains("https://api.bitget.com", "demo trading", "bg_b****")
                .doesNotContain("builder-secret", "builder-passphrase", "bg_builder_key_1");
    }

    @Test
    void aGatewayKeepsALimiterOfItsOwnUnlessGivenOneWhichStaysOpenForItsOtherUsers() {
        BitgetTransferGateway alone = BitgetTransferGateway.builder().credentials(CREDENTIALS).build();
        assertThat(alone.toString()).contains("rate limit of this process");

        class CountingCloses extends RequestRateLimiter {
            int closes;

            @Override
            public Optional<Permit> acquire(Duration maxWait, Sleeper sleeper) {
                return Optional.of((requestTime, rateLimited) -> {
                });
            }

            @Override
            public String describe() {
                return "limiter given by the caller";
            }

            @Override
            public void close() {
                closes++;
            }
        }
        CountingCloses given = new CountingCloses();
        BitgetTransferGateway sharing = BitgetTransferGateway.builder().credentials(CREDENTIALS).rateLimiter(given)
                .build();
        sharing.close();

        assertThat(sharing.toString()).contains("limiter given by the caller");
        assertThat(given.closes).isZero();
    }
}
