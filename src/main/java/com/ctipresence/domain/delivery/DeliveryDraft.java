package com.ctipresence.domain.delivery;

import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.PbxMode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code delivery} object of a configuration as an admin sent it: every part and field may be missing.
 * {@link #validate} applies the defaults and reports every offending field under {@code delivery.}.
 */
public record DeliveryDraft(WebhookDraft pbxWebhook, WebhookDraft skype, TeamsDraft teams,
                            SalesforceDraft salesforce) {

    public static final int DEFAULT_TEAMS_EXPIRATION_MINUTES = 60;
    public static final String DEFAULT_PLATFORM_EVENT = "CTI_Presence_Change__e";
    public static final String DEFAULT_TIME_OBJECT = "CTI_Presence_Time__c";
    public static final String DEFAULT_EXTERNAL_ID_FIELD = "External_Id__c";

    /** An environment-variable-like name, or a Secrets Manager ARN. Never the secret itself. */
    private static final Pattern SECRET_REF = Pattern.compile(
            "[A-Z_][A-Z0-9_]{0,127}|arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A Salesforce API name: a letter, then letters, digits and single underscores; custom ones end in __c/__e. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?:__[a-z]+)?");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    public record WebhookDraft(String url, String secretRef) {
    }

    public record TeamsDraft(String tenantId, String clientId, String clientSecretRef, Integer expirationMinutes) {
    }

    public record SalesforceDraft(String myDomainUrl, String clientId, String clientSecretRef, String platformEvent,
                                  String timeObject, String externalIdField) {
    }

    /** The valid configuration, or null when an error was added. */
    public DeliveryConfig validate(PbxMode mode, boolean omniChannelEnabled, UrlCheck urls, List<FieldError> errors) {
        int before = errors.size();
        DeliveryConfig.Webhook pbx = webhook("delivery.pbxWebhook", pbxWebhook, urls, errors);
        if (pbxWebhook != null && mode != PbxMode.DIAL_COMMAND) {
            errors.add(new FieldError("delivery.pbxWebhook", "is only used with pbxMode DIAL_COMMAND"));
        }
        DeliveryConfig.Webhook sfb = webhook("delivery.skype", skype, urls, errors);
        if (skype != null && mode != PbxMode.SKYPE_FOR_BUSINESS) {
            errors.add(new FieldError("delivery.skype", "is only used with pbxMode SKYPE_FOR_BUSINESS"));
        }
        DeliveryConfig.Teams t = null;
        if (teams != null) {
            String p = "delivery.teams.";
            if (teams.tenantId() == null || !GUID.matcher(teams.tenantId()).matches()) {
                errors.add(new FieldError(p + "tenantId", "is required: the Entra ID tenant id (a GUID)"));
            }
            if (teams.clientId() == null || !GUID.matcher(teams.clientId()).matches()) {
                errors.add(new FieldError(p + "clientId", "is required: the app registration's client id (a GUID)"));
            }
            secretRef(p + "clientSecretRef", teams.clientSecretRef(), errors);
            int minutes = teams.expirationMinutes() == null ? DEFAULT_TEAMS_EXPIRATION_MINUTES
                    : teams.expirationMinutes();
            if (minutes < 5 || minutes > 240) {
                errors.add(new FieldError(p + "expirationMinutes", "must be between 5 and 240"));
            }
            t = new DeliveryConfig.Teams(teams.tenantId(), teams.clientId(), teams.clientSecretRef(), minutes);
        }
        DeliveryConfig.Salesforce sf = null;
        if (salesforce != null) {
            String p = "delivery.salesforce.";
            url(p + "myDomainUrl", salesforce.myDomainUrl(), urls, errors);
            if (salesforce.clientId() == null || !CLIENT_ID.matcher(salesforce.clientId()).matches()) {
                errors.add(new FieldError(p + "clientId", "is required: the connected app's consumer key"));
            }
            secretRef(p + "clientSecretRef", salesforce.clientSecretRef(), errors);
            String event = apiName(p + "platformEvent", salesforce.platformEvent(), DEFAULT_PLATFORM_EVENT, "__e",
                    errors);
            String object = apiName(p + "timeObject", salesforce.timeObject(), DEFAULT_TIME_OBJECT, "__c", errors);
            String field = apiName(p + "externalIdField", salesforce.externalIdField(), DEFAULT_EXTERNAL_ID_FIELD,
                    "__c", errors);
            sf = new DeliveryConfig.Salesforce(trimSlash(salesforce.myDomainUrl()), salesforce.clientId(),
                    salesforce.clientSecretRef(), event, object, field);
        } else if (omniChannelEnabled) {
            errors.add(new FieldError("delivery.salesforce",
                    "is required when omniChannelEnabled is true (the org Omni-Channel presence is published to)"));
        }
        return errors.size() == before ? new DeliveryConfig(pbx, sfb, t, sf) : null;
    }

    private static DeliveryConfig.Webhook webhook(String path, WebhookDraft draft, UrlCheck urls,
                                                  List<FieldError> errors) {
        if (draft == null) {
            return null;
        }
        url(path + ".url", draft.url(), urls, errors);
        secretRef(path + ".secretRef", draft.secretRef(), errors);
        return new DeliveryConfig.Webhook(draft.url(), draft.secretRef());
    }

    private static void url(String field, String url, UrlCheck urls, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError(field, "is required: an absolute https URL"));
            return;
        }
        UrlCheck.SHAPE.problem(url).or(() -> urls.problem(url))
                .ifPresent(problem -> errors.add(new FieldError(field, problem)));
    }

    private static void secretRef(String field, String ref, List<FieldError> errors) {
        if (ref == null || ref.isBlank()) {
            errors.add(new FieldError(field, "is required: the name of an environment variable (e.g. "
                    + "CTI_PBX_SECRET) or a Secrets Manager ARN; never the secret itself"));
        } else if (!SECRET_REF.matcher(ref).matches()) {
            errors.add(new FieldError(field, "must name a secret: an environment variable name of A-Z 0-9 _ "
                    + "or an arn:aws:secretsmanager:... ARN; never the secret itself"));
        }
    }

    private static String apiName(String field, String value, String dflt, String suffix, List<FieldError> errors) {
        if (value == null) {
            return dflt;
        }
        if (value.length() > 80 || !API_NAME.matcher(value).matches() || !value.endsWith(suffix)) {
            errors.add(new FieldError(field, "must be a Salesforce API name ending in " + suffix + " (e.g. " + dflt
                    + ")"));
        }
        return value;
    }

    private static String trimSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A state's per-target values as sent; {@code statePath} e.g. {@code states[2]}. */
    public static StateTargets validateState(String statePath, String omniChannelStatusId, TeamsPresence teams,
                                             List<FieldError> errors) {
        if (omniChannelStatusId != null && !omniChannelStatusId.matches("0N5[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?")) {
            errors.add(new FieldError(statePath + ".omniChannelStatusId",
                    "must be a Salesforce ServicePresenceStatus id: 15 or 18 characters starting with 0N5"));
        }
        if (teams != null && !teams.allowed()) {
            errors.add(new FieldError(statePath + ".teams", "must be a pair Graph accepts for session presence: "
                    + "Available/Available, Busy/InACall, Busy/InAConferenceCall, Away/Away, DoNotDisturb/Presenting"));
        }
        return new StateTargets(omniChannelStatusId, teams);
    }
}
