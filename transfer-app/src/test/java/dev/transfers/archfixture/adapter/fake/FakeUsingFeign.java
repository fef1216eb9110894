package dev.transfers.archfixture.adapter.fake;

import feign.Feign;

/** Breaks "Feign and Jackson appear only in the HTTP adapter". */
public class FakeUsingFeign {
    public Feign.Builder feign() {
        return Feign.builder();
    }
}
