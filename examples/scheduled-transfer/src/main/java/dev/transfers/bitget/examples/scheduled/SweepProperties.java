package dev.transfers.bitget.examples.scheduled;

import dev.transfers.bitget.domain.AccountType;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the sweep moves ({@code example.sweep.*}); how often is {@code example.sweep.every}.
 *
 * @param from   the account debited
 * @param to     the account credited
 * @param amount how much each run moves
 * @param coin   the coin, such as {@code USDT}
 */
@ConfigurationProperties("example.sweep")
public record SweepProperties(AccountType from, AccountType to, BigDecimal amount, String coin) {
}
