import { createElement } from 'lwc';
import CtiPresenceOmni from 'c/ctiPresenceOmni';
import { subscribe, unsubscribe, isEmpEnabled } from 'lightning/empApi';

// the current user as sfdx-lwc-jest's transformer resolves @salesforce/user/Id
const ME_18 = '005000000000000000';
const ME_15 = '005000000000000';
const OTHER = '005000000000001AAA';

// lets resolved promises run (a 0 ms macrotask, no waiting on time)
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function message(payload) {
    return { channel: '/event/CTI_Presence_Change__e', data: { event: { replayId: 1 }, payload } };
}

function change(userId, version, statusId, label) {
    return message({
        Call_Center_Id__c: 'cc-1', Agent_Id__c: 'a-7', User_Id__c: userId,
        Service_Presence_Status_Id__c: statusId, State_Id__c: 's', Label__c: label, Reason_Code__c: '*61',
        Presence_Status__c: 4, Version__c: version, Changed_At__c: '2026-11-18T10:59:30Z'
    });
}

async function mount() {
    isEmpEnabled.mockResolvedValue(true);
    subscribe.mockResolvedValue({ id: 'sub-1', channel: '/event/CTI_Presence_Change__e' });
    const element = createElement('c-cti-presence-omni', { is: CtiPresenceOmni });
    const changes = [];
    element.addEventListener('presencechange', (e) => changes.push(e.detail));
    document.body.appendChild(element);
    await flush();
    expect(subscribe).toHaveBeenCalledTimes(1);
    return { element, changes, deliver: subscribe.mock.calls[0][2] };
}

describe('c-cti-presence-omni', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('subscribes to the CTI Presence event channel for new events only', async () => {
        const { element } = await mount();
        expect(subscribe).toHaveBeenCalledWith('/event/CTI_Presence_Change__e', -1, expect.any(Function));
        expect(element.shadowRoot.textContent).toBe('CTI Presence: listening');
    });

    it("passes on the current user's changes with the status id, by 18- or 15-character id", async () => {
        const { element, changes, deliver } = await mount();
        deliver(change(ME_18, 12, '0N5000000000001AAA', 'Do Not Disturb'));
        deliver(change(ME_15, 13, '0N5000000000002AAA', 'Ready for Calls'));
        expect(changes).toEqual([
            { statusId: '0N5000000000001AAA', label: 'Do Not Disturb', presenceStatus: 4, version: 12,
                agentId: 'a-7', callCenterId: 'cc-1' },
            { statusId: '0N5000000000002AAA', label: 'Ready for Calls', presenceStatus: 4, version: 13,
                agentId: 'a-7', callCenterId: 'cc-1' }
        ]);
        await flush();
        expect(element.shadowRoot.textContent).toBe('CTI Presence: listening: Ready for Calls');
    });

    it("ignores other users' changes, older or repeated versions and malformed messages", async () => {
        const { changes, deliver } = await mount();
        deliver(change(OTHER, 50, '0N5000000000009AAA', 'Away'));
        deliver(change(ME_18, 12, '0N5000000000001AAA', 'Do Not Disturb'));
        deliver(change(ME_18, 11, '0N5000000000002AAA', 'Ready for Calls'));
        deliver(change(ME_18, 12, '0N5000000000002AAA', 'Ready for Calls'));
        deliver(change(null, 99, '0N5000000000002AAA', 'Ready for Calls'));
        deliver(message(null));
        deliver({});
        expect(changes.map((c) => c.version)).toEqual([12]);
    });

    it('an empty status id asks for a logout from Omni-Channel', async () => {
        const { changes, deliver } = await mount();
        deliver(change(ME_18, 14, null, 'Logout'));
        expect(changes).toHaveLength(1);
        expect(changes[0].statusId).toBeNull();
    });

    it('unsubscribes when removed', async () => {
        const { element } = await mount();
        document.body.removeChild(element);
        expect(unsubscribe).toHaveBeenCalledWith({ id: 'sub-1', channel: '/event/CTI_Presence_Change__e' },
            expect.any(Function));
    });

    it('without streaming it says so and does not subscribe', async () => {
        isEmpEnabled.mockResolvedValue(false);
        const element = createElement('c-cti-presence-omni', { is: CtiPresenceOmni });
        document.body.appendChild(element);
        await flush();
        expect(subscribe).not.toHaveBeenCalled();
        expect(element.shadowRoot.textContent).toBe('CTI Presence: streaming not available');
    });
});
