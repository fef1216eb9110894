package dev.transfers.archfixture.adapter.http;

import dev.transfers.archfixture.adapter.fake.FakeGateway;

/** Breaks "the HTTP adapter does not depend on the fake adapter". */
public class HttpAdapterUsingTheFake {
    public FakeGateway fake() {
        return new FakeGateway();
    }
}
