package dev.transfers.bitget.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a Bean Validation provider on the class path, building a transfer says which dependency to
 * add, on the first call and on every later one (not a bare "Could not initialize class" error).
 * The domain is loaded in a class loader that sees only its own classes and jakarta.validation-api.
 */
class TransferValidationWithoutProviderTest {

    @Test
    void everyCallNamesTheDependencyToAdd() throws Exception {
        try (URLClassLoader withoutProvider = new URLClassLoader(domainAndApiOnly(),
                ClassLoader.getPlatformClassLoader())) {
            Method parse = withoutProvider.loadClass(Transfer.class.getName()).getMethod("parse", String.class,
                    String.class, String.class, String.class, String.class, String.class);
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(withoutProvider);
            try {
                for (int call = 1; call <= 2; call++) {
                    Throwable thrown = failureOf(parse);
                    assertThat(thrown).as("call %d", call).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("no Jakarta Bean Validation provider")
                            .hasMessageContaining("org.hibernate.validator:hibernate-validator");
                }
            } finally {
                thread.setContextClassLoader(context);
            }
        }
    }

    private static Throwable failureOf(Method parse) throws IllegalAccessException {
        try {
            parse.invoke(null, "spot", "usdt_futures", "1", "USDT", null, null);
            return null;
        } catch (InvocationTargetException thrown) {
            return thrown.getCause();
        }
    }

    /** This module's compiled classes and the Jakarta Validation API jar, from the test class path. */
    private static URL[] domainAndApiOnly() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Transfer.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("jakarta.validation-api")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(urls).as("the domain's classes and jakarta.validation-api").hasSize(2);
        return urls.toArray(URL[]::new);
    }
}
