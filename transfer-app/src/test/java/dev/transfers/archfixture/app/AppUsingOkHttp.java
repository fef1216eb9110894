package dev.transfers.archfixture.app;

import okhttp3.OkHttpClient;

/** Breaks "Feign and OkHttp appear only in the HTTP adapter": the app builds gateways, not HTTP clients. */
public class AppUsingOkHttp {
    public OkHttpClient client() {
        return new OkHttpClient();
    }
}
