package com.ctipresence.application.service;

import com.ctipresence.application.Body;
import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.Presets;
import com.ctipresence.domain.ValidationException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import com.ctipresence.application.delivery.OutboundUrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin use cases: configure a call center, read it, and read the pre-delivered presets. Each authorizes its
 * caller first, then reads and validates the input.
 */
@ApplicationScoped
public class CallCenterService {
    /** The in-process cache of configurations. */
    @ConfigMapping(prefix = "cti.config-cache")
    public interface CacheConfig {
        /**
         * How long a configuration read from the store is used before it is read again: the most a change made by
         * another process (another Lambda instance) can stay unseen here. A change made here is seen at once.
         * {@code 0} reads the store every time. Over a store only this process writes (the local server's embedded
         * one, see {@link CallCenterRepository#writtenOnlyHere()}) a cached configuration never expires: every
         * change is made here.
         */
        @WithDefault("2s")
        Duration ttl();
    }

    private final CallCenterRepository callCenters;
    private final Access access;
    private final OutboundUrlPolicy urls;
    private final long ttlNanos;
    /** Cached configurations never expire: every change goes through {@link #configure} here. */
    private final boolean neverStale;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A configuration and when it was known to be current (System.nanoTime: real elapsed time, not the clock). */
    private record Cached(CallCenterConfig config, long asOfNanos) {
    }

    /** With the strict outbound URL policy (https only, no private, link-local or loopback address). */
    public CallCenterService(CallCenterRepository callCenters, Access access, CacheConfig cacheConfig) {
        this(callCenters, access, cacheConfig, OutboundUrlPolicy.strict());
    }

    /** Without a configuration cache (every use case reads the store). */
    public CallCenterService(CallCenterRepository callCenters, Access access, OutboundUrlPolicy urls) {
        this(callCenters, access, () -> Duration.ZERO, urls);
    }

    @Inject
    public CallCenterService(CallCenterRepository callCenters, Access access, CacheConfig cacheConfig,
                             OutboundUrlPolicy urls) {
        this.callCenters = callCenters;
        this.access = access;
        this.urls = urls;
        this.ttlNanos = cacheConfig.ttl().toNanos();
        this.neverStale = ttlNanos > 0 && callCenters.writtenOnlyHere();
    }

    /**
     * Creates or replaces the configuration; validates everything first, so a rejected one changes nothing.
     * {@code body} yields the draft and the callCenterId it names, if any (it must equal the path's).
     */
    public CallCenterConfig configure(Caller caller, String callCenterId, Body<ConfigurationInput> body) {
        access.configure(caller, callCenterId);
        ConfigurationInput input = body.read();
        if (input.callCenterId() != null && !input.callCenterId().equals(callCenterId)) {
            throw ValidationException.of("callCenterId", "must equal the callCenterId in the path");
        }
        // names are not resolved here (a host may not resolve yet); the sender checks the resolved addresses
        CallCenterConfig config = input.draft().validate(callCenterId, url -> urls.problem(url, false));
        callCenters.save(config);
        remember(config, System.nanoTime());
        return config;
    }

    /** A configuration as sent: the draft, and the call center id the body names (null if none). */
    public record ConfigurationInput(String callCenterId, CallCenterConfigDraft draft) {
    }

    public CallCenterConfig get(Caller caller, String callCenterId) {
        access.readConfiguration(caller, callCenterId);
        return get(callCenterId);
    }

    /**
     * For use cases that have already authorized their caller: from the cache while it is younger than the TTL (or
     * at all, over a store only this process writes), else from the store. An unknown call center is never cached (one created elsewhere is found at once).
     */
    CallCenterConfig get(String callCenterId) {
        Ids.require("callCenterId", callCenterId);
        long started = System.nanoTime();
        Cached cached = cache.get(callCenterId);
        if (cached != null && (neverStale || started - cached.asOfNanos() < ttlNanos)) {
            return cached.config();
        }
        CallCenterConfig config = callCenters.find(callCenterId)
                .orElseThrow(() -> NotFoundException.callCenter(callCenterId));
        remember(config, started);
        return config;
    }

    /** Keeps the newer of two answers: a read that began before a save here never replaces what was saved. */
    private void remember(CallCenterConfig config, long asOfNanos) {
        if (ttlNanos > 0) {
            cache.merge(config.callCenterId(), new Cached(config, asOfNanos),
                    (old, fresh) -> old.asOfNanos() - fresh.asOfNanos() > 0 ? old : fresh);
        }
    }

    public List<String> presetNames(Caller caller) {
        access.readPresets(caller);
        return List.copyOf(Presets.names());
    }

    public CallCenterConfigDraft preset(Caller caller, String name) {
        access.readPresets(caller);
        return Presets.byName(name).orElseThrow(() -> new NotFoundException("no preset named '" + name
                + "'; presets: " + String.join(", ", Presets.names())));
    }
}
