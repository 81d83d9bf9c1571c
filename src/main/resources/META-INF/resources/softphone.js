/*
 * Softphone simulator: signs in as an agent and calls the public API a softphone calls: PUT .../presence (the
 * picklist) and POST .../call-events (DIALING, CONNECTED, ENDED). Shows the dial command the softphone would send to
 * the PBX (the state's reason code when the call center's pbxMode is DIAL_COMMAND) and the wrap-up countdown.
 */
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  let cc = null, agent = null, config = null, presence = null, callNo = 0;

  function log(line) {
    const el = $('log');
    el.textContent = new Date().toLocaleTimeString() + '  ' + line + '\n' + el.textContent;
  }
  function msg(text) { $('signin-msg').textContent = text || ''; }
  function newId(prefix) {
    return prefix + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
  }
  function base() { return '/v1/call-centers/' + encodeURIComponent(cc) + '/agents/' + encodeURIComponent(agent); }

  async function init() {
    const params = new URLSearchParams(location.search);
    if (params.get('cc')) $('dev-cc').value = params.get('cc');
    if (params.get('agent')) $('dev-agent').value = params.get('agent');
    if (await Cti.devAvailable()) $('dev-signin').classList.remove('hidden');
    $('dev-signin').addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        await Cti.devSignIn($('dev-cc').value.trim(), $('dev-agent').value.trim(), 'agent');
        start($('dev-cc').value.trim(), $('dev-agent').value.trim());
      } catch (e) { msg(e.message); }
    });
    $('demo-btn').addEventListener('click', async () => {
      try {
        const demo = await Cti.createDemo($('dev-cc').value.trim() || 'demo');
        $('dev-cc').value = demo.callCenterId;
        msg('Demo call center "' + demo.callCenterId + '" ready: agents ' + demo.agents.join(', '));
      } catch (e) { msg(e.message); }
    });
    $('token-signin').addEventListener('submit', ev => {
      ev.preventDefault();
      const claims = Cti.setToken($('token').value);
      $('token').value = '';
      if (!claims || !claims.callCenterId || !claims.sub) { msg('The token names no callCenterId and sub.'); return; }
      start(claims.callCenterId, claims.sub);
    });
    $('set-state').addEventListener('click', () => send('PUT', '/presence', { stateId: $('picklist').value },
      'presence ' + $('picklist').value));
    $('btn-connected').addEventListener('click', () => callEvent('CONNECTED', newCall()));
    $('btn-consult').addEventListener('click', () => callEvent('CONNECTED', newCall()));
    $('btn-dial').addEventListener('click', async () => {
      const call = newCall();
      if (await callEvent('DIALING', call)) await callEvent('CONNECTED', call);
    });
    $('btn-ended').addEventListener('click', () => {
      const call = $('end-call').value;
      if (!call) { log('no active call to end'); return; }
      callEvent('ENDED', call, Number($('duration').value || 0), $('internal').checked);
    });
    setInterval(render, 250);
  }

  function newCall() { callNo++; return 'call-' + Date.now().toString(36) + '-' + callNo; }

  async function start(callCenterId, agentId) {
    cc = callCenterId; agent = agentId;
    const res = await Cti.api('/v1/call-centers/' + encodeURIComponent(cc), { cache: 'no-store' }).catch(() => null);
    if (!res || !res.ok) { msg(res ? await Cti.problemText(res) : 'Server not reachable.'); return; }
    config = await res.json();
    const pick = $('picklist');
    pick.length = 0;
    config.states.forEach(s => pick.add(new Option(s.label + ' (' + (Cti.STATUS[s.presenceStatus] || s.presenceStatus)
      + ')', s.id)));
    $('who').textContent = agent + ' @ ' + (config.name || cc);
    $('signin').classList.add('hidden');
    $('phone').classList.remove('hidden');
    const mine = await Cti.api(base() + '/presence', { cache: 'no-store' });
    if (mine.ok) show(await mine.json());
    else log('no presence yet: pick a state or take a call');
    render();
  }

  async function callEvent(type, callId, durationSeconds, internal) {
    const body = { eventId: newId('sim'), type, callId };
    if (type === 'ENDED') { body.durationSeconds = durationSeconds; body.internal = !!internal; }
    return send('POST', '/call-events', body, type + ' ' + callId
      + (type === 'ENDED' ? ' (' + durationSeconds + ' s' + (internal ? ', internal' : '') + ')' : ''));
  }

  async function send(method, path, body, what) {
    try {
      const res = await Cti.api(base() + path, { method, json: body });
      if (res.ok) {
        const text = await res.text();
        if (text) show(JSON.parse(text));
        log(method + ' ' + what + ' → ' + res.status);
        return true;
      }
      log(method + ' ' + what + ' → ' + await Cti.problemText(res));
    } catch (e) {
      log(method + ' ' + what + ' → failed: ' + e.message);
    }
    return false;
  }

  function show(p) {
    presence = p;
    $('picklist').value = p.stateId;
    $('state').className = 'status st' + p.presenceStatus;
    $('state-text').textContent = p.label + ' (' + (Cti.STATUS[p.presenceStatus] || p.presenceStatus) + ')';
    $('version').textContent = p.version;
    const dial = config && config.pbxMode === 'DIAL_COMMAND' && p.reasonCode ? p.reasonCode
      : (config && config.pbxMode !== 'DIAL_COMMAND' ? 'not sent (pbxMode ' + config.pbxMode + ')' : 'none (no reason code)');
    $('dial-command').textContent = dial;
    const calls = p.activeCallIds || [];
    $('calls').textContent = calls.length ? calls.join(', ') : 'none';
    const end = $('end-call');
    end.length = 0;
    calls.slice().reverse().forEach(c => end.add(new Option(c, c)));
    $('btn-consult').disabled = calls.length === 0;
    $('btn-ended').disabled = calls.length === 0;
    render();
  }

  function render() {
    if (!presence) return;
    const now = Cti.serverNow();
    $('tis').textContent = Cti.fmtDuration((now - Date.parse(presence.since)) / 1000);
    let wu = 'none';
    if (presence.wrapUpUntil) {
      const left = Math.ceil((Date.parse(presence.wrapUpUntil) - now) / 1000);
      wu = left > 0 ? Cti.fmtDuration(left) + ' left (until ' + new Date(Date.parse(presence.wrapUpUntil))
        .toLocaleTimeString() + ')' : 'ended: Ready';
    }
    if ($('wrapup').textContent !== wu) $('wrapup').textContent = wu;
  }

  init();
})();
