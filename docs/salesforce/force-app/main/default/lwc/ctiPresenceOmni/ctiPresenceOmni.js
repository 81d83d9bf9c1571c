import { LightningElement, api } from 'lwc';
import { subscribe, unsubscribe, onError, isEmpEnabled } from 'lightning/empApi';
import USER_ID from '@salesforce/user/Id';

/**
 * Listens to the CTI Presence Platform Event (/event/CTI_Presence_Change__e) and fires a `presencechange` event for
 * the events meant for the current user, newest version only:
 *   detail = { statusId, label, presenceStatus, version, agentId, callCenterId }
 * statusId null means "log out of Omni-Channel" (Offline/Logout without a configured status).
 *
 * A Lightning web component cannot call the Omni-Channel toolkit (lightning:omniToolkitAPI is Aura-only), so the
 * Aura component ctiPresenceOmniBridge wraps this one and applies the status. See docs/DELIVERY.md "Targets".
 */
export default class CtiPresenceOmni extends LightningElement {
    /** The Platform Event channel (change it only if the event was deployed under another API name). */
    @api channelName = '/event/CTI_Presence_Change__e';

    subscription;
    lastVersion = -1;
    state = 'connecting';
    lastLabel = '';

    get statusText() {
        return this.lastLabel ? `${this.state}: ${this.lastLabel}` : this.state;
    }

    connectedCallback() {
        onError((error) => {
            this.state = 'streaming error';
            // eslint-disable-next-line no-console
            console.error('CTI Presence: streaming error', JSON.stringify(error));
        });
        isEmpEnabled().then((enabled) => {
            if (!enabled) {
                this.state = 'streaming not available';
                return undefined;
            }
            // -1: only new events; an older one must not be re-applied after a reload
            return subscribe(this.channelName, -1, (message) => this.handle(message)).then((subscription) => {
                this.subscription = subscription;
                this.state = 'listening';
            });
        });
    }

    disconnectedCallback() {
        if (this.subscription) {
            unsubscribe(this.subscription, () => {});
            this.subscription = undefined;
        }
    }

    handle(message) {
        const payload = message && message.data && message.data.payload;
        if (!payload || !sameUser(payload.User_Id__c, USER_ID)) {
            return;
        }
        const version = Number(payload.Version__c);
        if (!Number.isFinite(version) || version <= this.lastVersion) {
            return; // never an older state after a newer one
        }
        this.lastVersion = version;
        this.lastLabel = payload.Label__c || '';
        this.dispatchEvent(new CustomEvent('presencechange', {
            detail: {
                statusId: payload.Service_Presence_Status_Id__c || null,
                label: payload.Label__c,
                presenceStatus: payload.Presence_Status__c,
                version,
                agentId: payload.Agent_Id__c,
                callCenterId: payload.Call_Center_Id__c
            }
        }));
    }
}

/** 15- and 18-character ids of one record share their first 15 characters (case-sensitive). */
function sameUser(a, b) {
    return !!a && !!b && a.substring(0, 15) === b.substring(0, 15);
}
