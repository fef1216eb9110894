package dev.transfers.bitget.examples.scheduled;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A service that sweeps a fixed amount between two Bitget accounts on a schedule. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(SweepProperties.class)
public class ScheduledTransferApplication {

    /** Starts the service; the credentials come from {@code BITGET_TRANSFER_CREDENTIALS_*} variables. */
    public static void main(String[] args) {
        SpringApplication.run(ScheduledTransferApplication.class, args);
    }
}
