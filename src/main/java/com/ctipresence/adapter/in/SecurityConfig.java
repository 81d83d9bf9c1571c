package com.ctipresence.adapter.in;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code cti.security.*} settings every inbound adapter reads the caller with (REST, Lambda, dev tokens). */
@ConfigMapping(prefix = "cti.security")
public interface SecurityConfig {
    /** The token claim naming the caller's call center. */
    @WithDefault("callCenterId")
    String callCenterClaim();
}
