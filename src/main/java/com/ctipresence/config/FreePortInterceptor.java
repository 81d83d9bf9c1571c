package com.ctipresence.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code cti.dynamodb.embedded.port=0} means "a free port, chosen once at start": the first read of the setting picks
 * a free loopback port and every later read, from any bean or from an expression such as
 * {@code quarkus.dynamodb.endpoint-override=http://127.0.0.1:${cti.dynamodb.embedded.port}}, answers that same port.
 * So the embedded DynamoDB Local and the DynamoDB client agree, and two test runs on one machine never collide.
 * <p>
 * Its priority puts it inside the expression interceptor (which resolves nested names through it) and outside the
 * profile interceptor (so it sees the value of the active profile, e.g. {@code %test.}).
 */
@Priority(3260)
public class FreePortInterceptor implements ConfigSourceInterceptor {
    public static final Set<String> PORTS = Set.of("cti.dynamodb.embedded.port");
    /** One choice per name and class loader (the Quarkus application): stable across config rebuilds. */
    private static final ConcurrentMap<String, Integer> CHOSEN = new ConcurrentHashMap<>();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || !PORTS.contains(name) || !"0".equals(value.getValue().strip())) {
            return value;
        }
        int port = CHOSEN.computeIfAbsent(name, n -> freeLoopbackPort());
        return value.withValue(Integer.toString(port));
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
