package com.ctipresence.application.service;

import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.Presets;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Admin use cases: configure a call center, read it, and read the pre-delivered presets. */
@ApplicationScoped
public class CallCenterService {
    private final CallCenterRepository callCenters;

    public CallCenterService(CallCenterRepository callCenters) {
        this.callCenters = callCenters;
    }

    /** Creates or replaces the configuration; validates everything first, so a rejected one changes nothing. */
    public CallCenterConfig configure(String callCenterId, CallCenterConfigDraft draft) {
        CallCenterConfig config = draft.validate(callCenterId);
        callCenters.save(config);
        return config;
    }

    public CallCenterConfig get(String callCenterId) {
        Ids.require("callCenterId", callCenterId);
        return callCenters.find(callCenterId)
                .orElseThrow(() -> NotFoundException.callCenter(callCenterId));
    }

    public List<String> presetNames() {
        return List.copyOf(Presets.names());
    }

    public CallCenterConfigDraft preset(String name) {
        return Presets.byName(name).orElseThrow(() -> new NotFoundException("no preset named '" + name
                + "'; presets: " + String.join(", ", Presets.names())));
    }
}
