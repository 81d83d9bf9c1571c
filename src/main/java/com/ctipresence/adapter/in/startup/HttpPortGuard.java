package com.ctipresence.adapter.in.startup;

import com.ctipresence.config.StartupOrder;
import com.ctipresence.config.StartupRefusal;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Before anything starts (the HTTP server opens its port after the start-up observers): if the HTTP port is taken,
 * end with one clear line and exit code 1, instead of Quarkus' bind failure after the store and timers have started.
 * Only for the packaged server (dev mode and tests choose their own ports; on Lambda there is no HTTP port).
 */
@ApplicationScoped
public class HttpPortGuard {

    void onStart(@Observes @Priority(StartupOrder.GUARDS) StartupEvent event) {
        if (!LaunchMode.current().isDevOrTest()) {
            check(ConfigProvider.getConfig());
        }
    }

    static void check(Config config) {
        if (!config.getOptionalValue("quarkus.http.host-enabled", Boolean.class).orElse(true)) {
            return;
        }
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException taken) {
            throw new StartupRefusal("port " + port + " (HTTP) is already in use; set "
                    + "quarkus.http.port / QUARKUS_HTTP_PORT");
        }
    }
}
