package com.ctipresence.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Port 0 becomes one free port, the same for the setting itself and for every expression that uses it. */
class FreePortInterceptorTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile("test").addDefaultInterceptors()
                .withInterceptors(new FreePortInterceptor())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void zeroInTheActiveProfileIsOneFreePortEverywhere() {
        SmallRyeConfig config = config(Map.of(
                "cti.dynamodb.embedded.port", "8000",
                "%test.cti.dynamodb.embedded.port", "0",
                "endpoint", "${other:http://127.0.0.1:${cti.dynamodb.embedded.port}}"));
        int port = config.getValue("cti.dynamodb.embedded.port", Integer.class);
        assertThat(port).isPositive().isNotEqualTo(8000);
        assertThat(config.getValue("cti.dynamodb.embedded.port", Integer.class)).isEqualTo(port);
        assertThat(config.getValue("endpoint", String.class)).isEqualTo("http://127.0.0.1:" + port);
    }

    @Test
    void aFixedPortIsLeftAlone() {
        SmallRyeConfig config = config(Map.of("cti.dynamodb.embedded.port", "8123",
                "endpoint", "http://127.0.0.1:${cti.dynamodb.embedded.port}"));
        assertThat(config.getValue("cti.dynamodb.embedded.port", Integer.class)).isEqualTo(8123);
        assertThat(config.getValue("endpoint", String.class)).isEqualTo("http://127.0.0.1:8123");
    }
}
