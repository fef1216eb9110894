package dev.transfers.archfixture.adapter.fake;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "Jackson appears only in the HTTP adapter and the app". */
public class FakeUsingJackson {
    public ObjectMapper json() {
        return new ObjectMapper();
    }
}
