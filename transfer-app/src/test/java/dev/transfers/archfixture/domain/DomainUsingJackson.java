package dev.transfers.archfixture.domain;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "domain depends on nothing but the JDK and jakarta.validation". */
public class DomainUsingJackson {
    public String write(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
