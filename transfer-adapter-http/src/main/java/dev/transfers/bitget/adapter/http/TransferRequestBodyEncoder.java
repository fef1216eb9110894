package dev.transfers.bitget.adapter.http;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Feign's encoder for the one body this adapter sends: {@link TransferRequestBody#json()}. */
final class TransferRequestBodyEncoder implements Encoder {

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        if (!(object instanceof TransferRequestBody body)) {
            throw new EncodeException("only a TransferRequestBody is sent, not " + bodyType);
        }
        template.body(body.json(), StandardCharsets.UTF_8);
        // Feign adds the length as a header template, which it would copy and expand on every call;
        // OkHttp writes Content-Length from the body itself.
        template.removeHeader("Content-Length");
    }
}
