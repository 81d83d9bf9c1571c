package com.ctipresence.adapter.out.sqs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client (AWS only; created on first use): the URL-connection HTTP client, and the SDK's default
 * credentials and region (in Lambda: the function role and AWS_REGION); {@code cti.sqs.endpoint} overrides the
 * endpoint.
 */
@ApplicationScoped
public class SqsClientProducer {

    @Produces
    @ApplicationScoped
    SqsClient sqs(QueueConfig config) {
        var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder().build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes SqsClient sqs) {
        sqs.close();
    }
}
