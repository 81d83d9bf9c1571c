package com.ctipresence.store;

import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded DynamoDB Local checks no credentials, so it must be reachable from this machine's loopback only: a
 * connection to its port on any other address of this machine is refused, while 127.0.0.1 answers.
 */
@QuarkusTest
class EmbeddedStoreLoopbackTest {
    @Inject
    EmbeddedDynamoDb store;
    @Inject
    DynamoDbClient dynamo;

    @Test
    void theStoreAnswersOnLoopback() throws IOException {
        int port = store.port();
        assertThat(port).as("the embedded store runs").isPositive();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            assertThat(socket.isConnected()).isTrue();
        }
        // the client's endpoint follows the port chosen at start
        assertThat(ConfigProvider.getConfig().getValue("quarkus.dynamodb.endpoint-override", String.class))
                .isEqualTo("http://127.0.0.1:" + port);
        assertThat(dynamo.listTables().tableNames()).isNotEmpty();
    }

    @Test
    void theStoreRefusesConnectionsOnEveryOtherAddressOfThisMachine() throws SocketException {
        List<InetAddress> others = nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this machine has no non-loopback IPv4/IPv6 address to try the store's port on");
        int port = store.port();
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                }
            }).as("connecting to the embedded store on %s:%d", address.getHostAddress(), port)
                    .isInstanceOf(ConnectException.class);
        }
        System.out.printf("embedded store on port %d refused connections on %s%n", port,
                others.stream().map(InetAddress::getHostAddress).toList());
    }

    static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> result = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                boolean ip = address instanceof Inet4Address || address instanceof Inet6Address;
                if (ip && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                    result.add(address);
                }
            }
        }
        return result;
    }
}
