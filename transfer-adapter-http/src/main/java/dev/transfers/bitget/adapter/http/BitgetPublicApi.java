package dev.transfers.bitget.adapter.http;

import feign.Request;
import feign.RequestLine;
import feign.Response;

/** Bitget's public (unsigned) endpoint the gateway needs: the server's clock. */
interface BitgetPublicApi {

    @RequestLine("GET /api/v2/public/time")
    Response serverTime(Request.Options options);
}
