package dev.transfers.archfixture.adapter.fake;

import dev.transfers.archfixture.adapter.http.HttpAdapterUsingTheFake;

/** Breaks "the fake adapter does not depend on the HTTP adapter". */
public class FakeGateway {
    public Class<?> http() {
        return HttpAdapterUsingTheFake.class;
    }
}
