package com.ctipresence.config;

import com.ctipresence.adapter.out.sqs.SqsWrapUpTimer;
import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.port.out.WrapUpTimer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Which {@link WrapUpTimer} the use cases get: {@code cti.wrap-up.timer=local} (in-process timers, the local
 * server) or {@code sqs} (delayed SQS messages, the lambda profile). Only the chosen one is ever created.
 */
@ApplicationScoped
public class WrapUpTimerChoice {

    @ConfigMapping(prefix = "cti.wrap-up")
    public interface Config {
        /** local: in-process timers; sqs: delayed messages on the wrap-up queue (AWS). */
        @WithDefault("local")
        String timer();

        /** Re-arm the timers of the wrap-ups still running at start-up (local server; not on AWS). */
        @WithDefault("true")
        boolean rearmAtStart();
    }

    @Produces
    @ApplicationScoped
    WrapUpTimer wrapUpTimer(Config config, Instance<LocalWrapUpTimer> local, Instance<SqsWrapUpTimer> sqs) {
        return switch (config.timer()) {
            case "local" -> local.get();
            case "sqs" -> sqs.get();
            default -> throw new IllegalStateException("cti.wrap-up.timer must be local or sqs, not "
                    + config.timer());
        };
    }
}
