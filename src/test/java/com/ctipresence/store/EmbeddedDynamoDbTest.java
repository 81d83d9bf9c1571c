package com.ctipresence.store;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDynamoDbTest {

    static DynamoDbConfig config(Optional<String> endpoint, int port) {
        return com.ctipresence.support.StoreConfigs.withEndpoint(endpoint, "cti-", port);
    }

    @Test
    void neverStartedWhereAnotherDynamoDbIsConfigured() {
        EmbeddedDynamoDb store = new EmbeddedDynamoDb(config(Optional.of("https://dynamodb.eu-central-1.amazonaws.com"),
                0));
        assertThat(store.wanted()).isFalse();
        assertThatThrownBy(store::start).hasMessageContaining("cti.dynamodb.endpoint");
        assertThat(store.port()).isEqualTo(-1);
    }

    @Test
    void aTakenPortIsOneClearReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            EmbeddedDynamoDb store = new EmbeddedDynamoDb(config(Optional.empty(), taken.getLocalPort()));
            assertThat(store.wanted()).isTrue();
            assertThatThrownBy(store::start).isInstanceOf(EmbeddedDynamoDb.PortInUseException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " (embedded DynamoDB Local) is already "
                            + "in use; set cti.dynamodb.embedded.port / CTI_DYNAMODB_EMBEDDED_PORT");
            assertThat(store.port()).isEqualTo(-1);
        }
    }
}
