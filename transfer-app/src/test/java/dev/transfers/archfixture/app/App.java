package dev.transfers.archfixture.app;

import dev.transfers.archfixture.domain.DomainUsingTheApp;

/** The fixture's app, which the fixture's domain wrongly uses back. */
public class App {
    public String name() {
        return "app";
    }

    public DomainUsingTheApp domain() {
        return new DomainUsingTheApp();
    }
}
