package com.ctipresence.domain.delivery;

import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * What the targets need to know about an agent, every field optional: the name the dashboard shows, the phone
 * extension (PBX), the SIP address (Skype for Business), the Entra ID user (Teams) and the Salesforce user
 * (Omni-Channel, time tracking).
 */
public record AgentProfile(String callCenterId, String agentId, String displayName, String extension,
                           String sipAddress, String entraUserId, String salesforceUserId) {

    public static final int MAX_DISPLAY_NAME = 100;

    /** The profile as sent, validated: every offending field is named, nothing is kept when one is bad. */
    public static AgentProfile validated(String callCenterId, String agentId, String displayName, String extension,
                                         String sipAddress, String entraUserId, String salesforceUserId) {
        List<FieldError> errors = new ArrayList<>();
        String name = displayName == null ? null : displayName.strip();
        if (name != null && (name.isEmpty() || name.length() > MAX_DISPLAY_NAME
                || name.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("displayName", "must be 1-" + MAX_DISPLAY_NAME
                    + " characters without control characters"));
        }
        if (extension != null && !extension.matches("[0-9*#]{1,20}")) {
            errors.add(new FieldError("extension", "must be 1-20 digits, * or #"));
        }
        if (sipAddress != null && (sipAddress.length() > 256
                || !sipAddress.matches("sip:[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*"))) {
            errors.add(new FieldError("sipAddress", "must be a SIP address sip:user@domain"));
        }
        if (entraUserId != null && !entraUserId.matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            errors.add(new FieldError("entraUserId", "must be the Entra ID user's object id (a GUID)"));
        }
        if (salesforceUserId != null && !salesforceUserId.matches("005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?")) {
            errors.add(new FieldError("salesforceUserId",
                    "must be a Salesforce user id: 15 or 18 characters starting with 005"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AgentProfile(callCenterId, agentId, name, extension, sipAddress, entraUserId, salesforceUserId);
    }

    public static AgentProfile empty(String callCenterId, String agentId) {
        return new AgentProfile(callCenterId, agentId, null, null, null, null, null);
    }
}
