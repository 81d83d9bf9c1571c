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
import com.ctipresence.application.delivery.OutboundUrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Admin use cases: configure a call center, read it, and read the pre-delivered presets. Each authorizes its
 * caller first, then reads and validates the input.
 */
@ApplicationScoped
public class CallCenterService {
    private final CallCenterRepository callCenters;
    private final Access access;
    private final OutboundUrlPolicy urls;

    /** With the strict outbound URL policy (https only, no private, link-local or loopback address). */
    public CallCenterService(CallCenterRepository callCenters, Access access) {
        this(callCenters, access, OutboundUrlPolicy.strict());
    }

    @Inject
    public CallCenterService(CallCenterRepository callCenters, Access access, OutboundUrlPolicy urls) {
        this.callCenters = callCenters;
        this.access = access;
        this.urls = urls;
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
        return config;
    }

    /** A configuration as sent: the draft, and the call center id the body names (null if none). */
    public record ConfigurationInput(String callCenterId, CallCenterConfigDraft draft) {
    }

    public CallCenterConfig get(Caller caller, String callCenterId) {
        access.readConfiguration(caller, callCenterId);
        return get(callCenterId);
    }

    /** For use cases that have already authorized their caller. */
    CallCenterConfig get(String callCenterId) {
        Ids.require("callCenterId", callCenterId);
        return callCenters.find(callCenterId)
                .orElseThrow(() -> NotFoundException.callCenter(callCenterId));
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
