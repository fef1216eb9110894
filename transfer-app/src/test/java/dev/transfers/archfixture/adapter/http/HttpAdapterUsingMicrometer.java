package dev.transfers.archfixture.adapter.http;

import io.micrometer.core.instrument.MeterRegistry;

/** Breaks "Micrometer appears only in the Micrometer module": the HTTP adapter tells listeners, it does not meter. */
public class HttpAdapterUsingMicrometer {
    public void count(MeterRegistry registry) {
        registry.counter("transfers").increment();
    }
}
