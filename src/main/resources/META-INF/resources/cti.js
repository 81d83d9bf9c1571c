/*
 * CTI Presence pages, shared part (plain JavaScript, no build step).
 * The bearer token is kept in this page's memory only: never in a URL, a cookie or web storage. In dev mode and
 * tests (/dev/token answers) the pages offer "sign in as"; in production paste a token from your identity provider.
 */
(function () {
  'use strict';
  let token = null;
  let offsetMs = 0;            // server time - browser time, from the last answer that carried the server's time
  let claims = null;

  const STATUS = { 1: 'Online', 2: 'Offline', 3: 'Away', 4: 'DND', 5: 'Busy', 6: 'On a call', 7: 'Logout' };

  function decodeClaims(t) {
    try {
      const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return null;
    }
  }

  function setToken(t) {
    token = t ? t.trim() : null;
    claims = token ? decodeClaims(token) : null;
    return claims;
  }

  function noteServerTime(iso) {
    if (!iso) return;
    const t = Date.parse(iso);
    if (!isNaN(t)) offsetMs = t - Date.now();
  }

  function serverNow() { return Date.now() + offsetMs; }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers);
    if (token) opts.headers.Authorization = 'Bearer ' + token;
    if (opts.json !== undefined) {
      opts.body = JSON.stringify(opts.json);
      opts.headers['Content-Type'] = 'application/json';
      delete opts.json;
    }
    const res = await fetch(path, opts);
    noteServerTime(res.headers.get('X-Server-Time'));
    return res;
  }

  async function devAvailable() {
    try {
      const res = await fetch('/dev/token?sub=probe&callCenterId=probe&roles=agent', { cache: 'no-store' });
      return res.ok;
    } catch (e) {
      return false;
    }
  }

  async function devSignIn(callCenterId, sub, roles) {
    const q = new URLSearchParams({ sub: sub, callCenterId: callCenterId, roles: roles });
    const res = await fetch('/dev/token?' + q.toString(), { cache: 'no-store' });
    if (!res.ok) throw new Error('dev sign-in refused (' + res.status + ')');
    return setToken(await res.text());
  }

  async function createDemo(callCenterId) {
    const res = await fetch('/dev/demo?callCenterId=' + encodeURIComponent(callCenterId), { method: 'POST' });
    if (!res.ok) throw new Error('demo call center not created (' + res.status + ')');
    return res.json();
  }

  async function problemText(res) {
    try {
      const p = await res.json();
      let s = (p.title || res.status) + (p.detail ? ': ' + p.detail : '');
      if (p.errors) s += ' (' + p.errors.map(e => e.field + ' ' + e.message).join('; ') + ')';
      return s;
    } catch (e) {
      return 'HTTP ' + res.status;
    }
  }

  function fmtDuration(totalSeconds) {
    const s = Math.max(0, Math.floor(totalSeconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const mm = String(m).padStart(h ? 2 : 1, '0'), ss = String(sec).padStart(2, '0');
    return h ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }

  window.Cti = {
    STATUS, setToken, api, serverNow, noteServerTime, devAvailable, devSignIn, createDemo, problemText, fmtDuration,
    token: () => token, claims: () => claims
  };
})();
