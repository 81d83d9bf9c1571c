({
    applyStatus: function (component, event) {
        var detail = event.getParams();
        var omniAPI = component.find('omniToolkit');
        var done = function () {
            // eslint-disable-next-line no-console
            console.log('CTI Presence: Omni-Channel now ' + (detail.statusId || 'logged out') + ' (version '
                + detail.version + ')');
        };
        var failed = function (error) {
            // eslint-disable-next-line no-console
            console.error('CTI Presence: Omni-Channel status not applied', error);
        };
        if (!detail.statusId) {
            omniAPI.logout().then(done).catch(failed);
            return;
        }
        omniAPI.setServicePresenceStatus({ statusId: detail.statusId }).then(done).catch(failed);
    }
})
