package dev.transfers.bitget.adapter.http;

import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * Bitget's signed endpoint, as Feign sees it. It returns the raw {@link Response} so that every
 * status and body, HTML and empty ones included, is classified by {@link ResponseClassifier}
 * rather than thrown by a decoder. {@link SigningTarget} signs each request and adds the headers
 * Bitget asks of signed requests, {@code Content-Type} included.
 */
interface BitgetApi {

    /** The path of the transfer endpoint, also the signed request path. */
    String TRANSFER_PATH = "/api/v2/spot/wallet/transfer";

    /** The path of the transfer-records endpoint, also the signed request path. */
    String RECORDS_PATH = "/api/v2/spot/account/transferRecords";

    @RequestLine("POST " + TRANSFER_PATH)
    Response transfer(TransferRequestBody body, Request.Options options);

    /**
     * The records of transfers of {@code coin} made with {@code clientOid} between the two instants
     * (milliseconds since the epoch, at most 90 days apart). The signature covers this exact query.
     */
    @RequestLine("GET " + RECORDS_PATH + "?coin={coin}&clientOid={clientOid}&startTime={startTime}&endTime={endTime}")
    Response transferRecords(@Param("coin") String coin, @Param("clientOid") String clientOid,
            @Param("startTime") long startTime, @Param("endTime") long endTime, Request.Options options);
}
