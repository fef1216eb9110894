package dev.transfers.archfixture.domain;

import dev.transfers.archfixture.app.App;

/** Breaks "nothing depends on the app" (and, with App, makes a package cycle). */
public class DomainUsingTheApp {
    public String name() {
        return new App().name();
    }
}
