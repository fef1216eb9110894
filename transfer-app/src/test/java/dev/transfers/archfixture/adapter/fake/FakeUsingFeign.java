package dev.transfers.archfixture.adapter.fake;

import feign.Feign;

/** Breaks "Feign appears only in the HTTP adapter". */
public class FakeUsingFeign {
    public Feign.Builder feign() {
        return Feign.builder();
    }
}
