package dev.transfers.bitget.adapter.http;

import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * Bitget's signed endpoint, as Feign sees it. It returns the raw {@link Response} so that every
 * status and body, HTML and empty ones included, is classified by {@link ResponseClassifier}
 * rather than thrown by a decoder.
 */
interface BitgetApi {

    /** The path of the transfer endpoint, also the signed request path. */
    String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";

    @RequestLine("POST " + TRANSFER_PATH)
    @Headers("Content-Type: application/json")
    Response transfer(TransferRequestBody body, Request.Options options);
}
