/*
 * Live Agent Status Dashboard (plain JavaScript, no build step).
 * Live: GET /v1/call-centers/{cc}/agents/stream read with fetch() + ReadableStream, so the bearer token goes in the
 * Authorization header (EventSource cannot send one; a token never goes into a URL). Reconnects with Last-Event-ID.
 * Fallback: polls GET /v1/call-centers/{cc}/agents every 5 s with If-None-Match (304 when nothing changed).
 * Rows are updated in place; changes are applied in batches once per animation frame; timers count with the
 * server's clock (browser clock + the offset from the last server time received).
 * Today's time per state: the snapshot's figures, carried forward by the changes (which carry none), and reset at
 * the call center's local midnight (its configured time zone, on the server's clock).
 * When the caller's token expires the server ends the stream with an "expired" event (and answers 401): the page
 * keeps the last figures, says so, and asks for a fresh token (in dev: "sign in as" again).
 */
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const STATUS = Cti.STATUS;
  const POLL_MS = 5000, STALE_MS = 45000, MAX_RETRY_MS = 4000;

  let cc = null;
  let stateInfo = {};          // stateId -> {label, status, order}
  let zone = 'UTC';            // the call center's time zone: its days for "today"
  const recs = new Map();      // agentId -> record {a, tr, c, todayBase, todayAt, day}
  let lastEventId = null, etag = null;
  let mode = 'idle';           // live | lost | polling | expired | idle
  let everConnected = false, streamCtrl = null, reconnectTimer = null, pollTimer = null;
  let retryMs = 500, lastDataAt = 0, lastServerTime = null, generation = 0;
  let pending = [], frameQueued = false, orderDirty = false, countsDirty = false, ticks = 0;
  const stats = { changesApplied: 0, lastFlushMs: 0, maxStallMs: 0 };

  window.dashboard = {
    stats, mode: () => mode, lastEventId: () => lastEventId, size: () => recs.size,
    version: id => (recs.get(id) ? recs.get(id).a.version : null),
    today: id => (recs.get(id) ? todayNow(recs.get(id), Cti.serverNow()) : null)
  };

  // ------------------------------------------------------------------ sign in
  function msg(text) { $('signin-msg').textContent = text || ''; }

  async function init() {
    const params = new URLSearchParams(location.search);
    if (params.get('cc')) { $('dev-cc').value = params.get('cc'); $('token-cc').value = params.get('cc'); }
    if (await Cti.devAvailable()) $('dev-signin').classList.remove('hidden');
    $('dev-role').addEventListener('change', () => {
      const r = $('dev-role').value;
      $('dev-sub').value = r === 'agent' ? 'a1' : r + '-1';
    });
    $('dev-signin').addEventListener('submit', async ev => {
      ev.preventDefault();
      try {
        await Cti.devSignIn($('dev-cc').value.trim(), $('dev-sub').value.trim(), $('dev-role').value);
        start($('dev-cc').value.trim());
      } catch (e) { msg(e.message); }
    });
    $('demo-btn').addEventListener('click', async () => {
      const id = $('dev-cc').value.trim() || 'demo';
      try {
        await Cti.createDemo(id);
        await Cti.devSignIn(id, 'supervisor-1', 'supervisor');
        start(id);
      } catch (e) { msg(e.message); }
    });
    $('token-signin').addEventListener('submit', ev => {
      ev.preventDefault();
      const claims = Cti.setToken($('token').value);
      $('token').value = '';
      const id = $('token-cc').value.trim() || (claims && claims.callCenterId);
      if (!id) { msg('Name the call center (the token has no callCenterId claim).'); return; }
      start(id);
    });
    $('filter-status').addEventListener('change', applyFilterAll);
    $('filter-name').addEventListener('input', applyFilterAll);
    $('sort').addEventListener('change', () => { orderDirty = true; schedule(); });
    setInterval(tick, 1000);
    let lastBeat = performance.now();
    setInterval(() => {      // how long the page's main thread was unavailable (measured by the browser tests)
      const now = performance.now();
      stats.maxStallMs = Math.max(stats.maxStallMs, now - lastBeat - 50);
      lastBeat = now;
    }, 50);
  }

  // ------------------------------------------------------------------ start / configuration
  async function start(id) {
    stopAll();
    const gen = ++generation;
    cc = id;
    msg('Loading ' + id + '…');
    const res = await Cti.api('/v1/call-centers/' + encodeURIComponent(id), { cache: 'no-store' }).catch(() => null);
    if (gen !== generation) return;
    if (!res || !res.ok) {
      msg(res ? 'Cannot open call center "' + id + '": ' + await Cti.problemText(res) : 'Server not reachable.');
      return;
    }
    const config = await res.json();
    stateInfo = {};
    zone = config.timeZone || 'UTC';
    config.states.forEach((s, i) => { stateInfo[s.id] = { label: s.label, status: s.presenceStatus, order: i }; });
    $('cc-name').textContent = (config.name || id) + ' (' + id + ')';
    buildStatusUi();
    recs.clear();
    $('rows').textContent = '';
    lastEventId = null; etag = null; everConnected = false;
    $('board').classList.remove('hidden');
    $('signin').classList.add('hidden');
    msg('');
    connectStream(gen);
  }

  function stopAll() {
    generation++;
    if (streamCtrl) { const c = streamCtrl; streamCtrl = null; c.abort(); }
    clearTimeout(reconnectTimer); clearInterval(pollTimer); pollTimer = null;
    setMode('idle');
  }

  function buildStatusUi() {
    const sel = $('filter-status');
    sel.length = 1;
    const counts = $('counts');
    counts.textContent = '';
    Object.keys(STATUS).forEach(code => {
      sel.add(new Option(STATUS[code], code));
      const li = document.createElement('li');
      li.className = 'st' + code;
      li.dataset.status = code;
      li.innerHTML = '<span class="dot" aria-hidden="true"></span> <span></span><b>0</b>';
      li.children[1].textContent = STATUS[code];
      counts.appendChild(li);
    });
  }

  // ------------------------------------------------------------------ connection state
  function setMode(m) {
    mode = m;
    const conn = $('conn');
    conn.className = 'conn ' + m;
    conn.textContent = { live: 'Live', lost: 'Connection lost', polling: 'Polling', expired: 'Sign-in expired',
      idle: 'not connected' }[m];
    $('lost-banner').classList.toggle('hidden', m !== 'lost');
    $('poll-banner').classList.toggle('hidden', m !== 'polling');
    $('expired-banner').classList.toggle('hidden', m !== 'expired');
    if (m === 'lost') $('lost-since').textContent = $('as-of').textContent;
    if (m === 'expired') $('expired-since').textContent = $('as-of').textContent;
  }

  /** The token expired (the stream's "expired" event, or a 401 once watching): stop, keep the figures, ask. */
  function tokenExpired() {
    stopAll();
    setMode('expired');
    $('signin').classList.remove('hidden');
    $('dev-cc').value = cc || $('dev-cc').value;
    $('token-cc').value = cc || '';
    msg('Your sign-in has expired: sign in again (or paste a fresh token) to go on watching "' + cc + '".');
  }

  function fresh(serverTimeIso) {
    lastDataAt = Date.now();
    if (serverTimeIso) { lastServerTime = Date.parse(serverTimeIso); Cti.noteServerTime(serverTimeIso); }
    const t = new Date(Cti.serverNow());
    $('as-of').textContent = t.toLocaleTimeString();
    $('as-of').setAttribute('datetime', t.toISOString());
  }

  // ------------------------------------------------------------------ the stream
  async function connectStream(gen) {
    clearTimeout(reconnectTimer);
    if (gen !== generation) return;
    const ctrl = new AbortController();
    streamCtrl = ctrl;
    const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + Cti.token() };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    let res;
    try {
      res = await fetch('/v1/call-centers/' + encodeURIComponent(cc) + '/agents/stream',
        { headers, signal: ctrl.signal, cache: 'no-store' });
    } catch (e) {
      return streamEnded(ctrl, gen, 0);
    }
    const type = res.headers.get('Content-Type') || '';
    if (res.status === 401 && everConnected) {
      res.body && res.body.cancel && res.body.cancel().catch(() => {});
      return tokenExpired();
    }
    if (res.status === 404 && !type.startsWith('application/problem+json')) {
      res.body && res.body.cancel && res.body.cancel().catch(() => {});
      return streamEnded(ctrl, gen, 404);                     // no such route (API Gateway): not our 404
    }
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      stopAll();
      $('signin').classList.remove('hidden');
      msg('Not allowed to watch "' + cc + '": ' + await Cti.problemText(res));
      return;
    }
    if (!res.ok || !type.startsWith('text/event-stream') || !res.body || !res.body.getReader) {
      res.body && res.body.cancel && res.body.cancel().catch(() => {});
      return streamEnded(ctrl, gen, res.ok ? 415 : res.status);
    }
    try {
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done || streamCtrl !== ctrl) break;
        lastDataAt = Date.now();
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          handleBlock(block);
        }
      }
    } catch (e) {
      // aborted or the connection broke: handled below
    }
    streamEnded(ctrl, gen, 0);
  }

  function handleBlock(block) {
    let name = 'message', id = null;
    const data = [];
    block.split('\n').forEach(raw => {
      const line = raw.replace(/\r$/, '');
      if (line.startsWith(':')) {
        const m = /heartbeat (\S+)/.exec(line);
        if (m) fresh(m[1]);
      } else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (!data.length) return;
    const payload = JSON.parse(data.join('\n'));
    if (id) lastEventId = id;
    fresh(payload.serverTime);
    if (name === 'snapshot') {
      applySnapshot(payload.agents, payload.serverTime);
      connected();
    } else if (name === 'resumed') {
      connected();
    } else if (name === 'change') {
      pending.push(payload.agent);
      schedule();
    } else if (name === 'expired') {
      tokenExpired();
    }
  }

  function connected() {
    everConnected = true;
    retryMs = 500;
    clearInterval(pollTimer); pollTimer = null;
    setMode('live');
  }

  function streamEnded(ctrl, gen, status) {
    if (streamCtrl !== ctrl || gen !== generation) return;   // superseded on purpose
    streamCtrl = null;
    if (!everConnected && (status === 404 || status === 405 || status === 415 || status === 501)) {
      setMode('polling');                                     // no streaming here (e.g. API Gateway): poll
      startPolling(gen);
      return;
    }
    setMode('lost');
    startPolling(gen);                                        // keep the figures fresh while reconnecting
    reconnectTimer = setTimeout(() => connectStream(gen), retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  // ------------------------------------------------------------------ polling fallback
  function startPolling(gen) {
    if (pollTimer) return;
    poll(gen);
    pollTimer = setInterval(() => poll(gen), POLL_MS);
  }

  async function poll(gen) {
    try {
      const headers = etag ? { 'If-None-Match': etag } : {};
      const res = await Cti.api('/v1/call-centers/' + encodeURIComponent(cc) + '/agents',
        { headers, cache: 'no-store' });
      if (gen !== generation) return;
      if (res.status === 401) {
        return tokenExpired();
      }
      if (res.status === 304) {
        fresh(res.headers.get('X-Server-Time'));
      } else if (res.ok) {
        etag = res.headers.get('ETag');
        const list = await res.json();
        applySnapshot(list, res.headers.get('X-Server-Time'));
        fresh(res.headers.get('X-Server-Time'));
      } else if (mode === 'polling') {
        setMode('lost');
      }
      if ((res.ok || res.status === 304) && mode === 'lost' && !everConnected) setMode('polling');
    } catch (e) {
      if (mode === 'polling') setMode('lost');
    }
  }

  // ------------------------------------------------------------------ applying data
  function applySnapshot(list, serverTimeIso) {
    const at = serverTimeIso ? Date.parse(serverTimeIso) : Cti.serverNow();
    const seen = new Set();
    list.forEach(a => { seen.add(a.agentId); upsert(a, true, at); });
    for (const [id, r] of recs) {
      if (!seen.has(id)) { r.tr.remove(); recs.delete(id); countsDirty = true; }
    }
    schedule();
  }

  function schedule() {
    if (frameQueued) return;
    frameQueued = true;
    requestAnimationFrame(flush);
    setTimeout(flush, 200);        // also when the page is in the background (no animation frames)
  }

  function flush() {
    if (!frameQueued) return;
    frameQueued = false;
    const t0 = performance.now();
    const batch = pending;
    pending = [];
    batch.forEach(a => { if (upsert(a, false, null)) stats.changesApplied++; });
    if (orderDirty) reorder();
    if (countsDirty) recount();
    stats.lastFlushMs = performance.now() - t0;
  }

  function newRecord(id) {
    const tr = document.createElement('tr');
    tr.dataset.agent = id;
    tr.innerHTML = '<th scope="row" class="name"></th><td class="label"></td>'
      + '<td><span class="status"><span class="dot" aria-hidden="true"></span><span class="stext"></span></span></td>'
      + '<td class="num tis"></td><td class="num wu"></td><td class="calls opt"></td>'
      + '<td class="opt"><div class="bar" role="img"></div></td>';
    const r = {
      a: null, tr, todayBase: {}, todayAt: 0, day: null, name: id,
      c: {
        name: tr.children[0], label: tr.children[1], status: tr.querySelector('.status'),
        stext: tr.querySelector('.stext'), tis: tr.children[3], wu: tr.children[4], calls: tr.children[5],
        bar: tr.querySelector('.bar')
      }
    };
    r.c.name.textContent = id;     // the agent id until a display name (agent profile) arrives
    recs.set(id, r);
    $('rows').appendChild(tr);
    orderDirty = true;
    return r;
  }

  // ------------------------------------------------------------------ the call center's days
  let dayFormat = null, partsFormat = null, formatsZone = null;
  function formats() {
    if (formatsZone !== zone) {
      formatsZone = zone;
      dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit',
        day: '2-digit' });
      partsFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
        month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    }
  }
  /** The call center's local date of an instant, as YYYY-MM-DD. */
  function localDay(ms) { formats(); return dayFormat.format(new Date(ms)); }
  /** The zone's offset from UTC at an instant, in ms. */
  function zoneOffset(ms) {
    formats();
    const p = {};
    partsFormat.formatToParts(new Date(ms)).forEach(x => { p[x.type] = Number(x.value); });
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
  }
  /** The instant the call center's local day containing {@code ms} began (its local midnight). */
  function dayStart(ms) {
    const d = localDay(ms).split('-').map(Number);
    const wall = Date.UTC(d[0], d[1] - 1, d[2]);
    let start = wall - zoneOffset(ms);
    start = wall - zoneOffset(start);            // the offset at midnight itself (a DST change that day)
    return start;
  }
  /** A new local day began since the figures were taken: they start again from its midnight. */
  function rollOver(r, now) {
    const day = localDay(now);
    if (r.day === day) return;
    r.day = day;
    const start = dayStart(now);
    if (r.todayAt < start) { r.todayBase = {}; r.todayAt = start; }
  }

  /** Applies an agent's presence if newer; without today figures (a legacy agent's change) they are carried forward. */
  function upsert(a, full, atMs) {
    let r = recs.get(a.agentId);
    if (!r) r = newRecord(a.agentId);
    else if (a.version < r.a.version || (a.version === r.a.version && !full)) return false;
    const prev = r.a;
    if (a.displayName && a.displayName !== r.name) { // changes carry no profile: a name stays until a new one comes
      r.name = a.displayName;
      r.c.name.textContent = a.displayName;
      r.c.name.title = a.agentId;
      orderDirty = true;
    }
    if (a.today) {
      r.todayBase = Object.assign({}, a.today);
      r.todayAt = atMs || Cti.serverNow();
      r.day = localDay(r.todayAt);
    } else if (prev && prev.since !== a.since) {
      rollOver(r, Math.max(Date.parse(a.since), r.todayAt));
      const from = Math.max(Date.parse(prev.since), r.todayAt), to = Date.parse(a.since);
      if (to > from) r.todayBase[prev.stateId] = (r.todayBase[prev.stateId] || 0) + (to - from) / 1000;
      r.todayAt = Math.max(r.todayAt, to);
    }
    r.a = a;
    const c = r.c;
    if (!prev || prev.label !== a.label) c.label.textContent = a.label;
    if (!prev || prev.presenceStatus !== a.presenceStatus) {
      c.status.className = 'status st' + a.presenceStatus;
      c.stext.textContent = STATUS[a.presenceStatus] || String(a.presenceStatus);
      r.tr.dataset.status = a.presenceStatus;
      countsDirty = true;
    }
    const calls = (a.activeCallIds || []).join(', ');
    if (c.calls.textContent !== calls) c.calls.textContent = calls;
    if (!prev || prev.since !== a.since) { if ($('sort').value === 'time') orderDirty = true; }
    applyFilter(r);
    renderTimers(r, Cti.serverNow());
    renderBar(r, Cti.serverNow());
    return true;
  }

  function renderTimers(r, now) {
    const a = r.a;
    const tis = Cti.fmtDuration((now - Date.parse(a.since)) / 1000);
    if (r.c.tis.textContent !== tis) r.c.tis.textContent = tis;
    let wu = '';
    if (a.wrapUpUntil) {
      const left = Math.ceil((Date.parse(a.wrapUpUntil) - now) / 1000);
      wu = left > 0 ? Cti.fmtDuration(left) + ' left' : 'ending…';
    }
    if (r.c.wu.textContent !== wu) {
      r.c.wu.textContent = wu;
      r.c.wu.className = 'num wu' + (wu ? ' countdown' : '');
    }
  }

  function todayNow(r, now) {
    rollOver(r, now);
    const t = Object.assign({}, r.todayBase);
    const from = Math.max(Date.parse(r.a.since), r.todayAt);
    if (now > from) t[r.a.stateId] = (t[r.a.stateId] || 0) + (now - from) / 1000;
    return t;
  }

  function renderBar(r, now) {
    const t = todayNow(r, now);
    const ids = Object.keys(t).filter(k => t[k] > 0).sort((x, y) =>
      ((stateInfo[x] || {}).order ?? 99) - ((stateInfo[y] || {}).order ?? 99));
    const total = ids.reduce((s, k) => s + t[k], 0);
    const bar = r.c.bar;
    while (bar.children.length < ids.length) bar.appendChild(document.createElement('span'));
    while (bar.children.length > ids.length) bar.lastChild.remove();
    const text = [];
    ids.forEach((k, i) => {
      const info = stateInfo[k] || { label: k, status: 0 };
      const span = bar.children[i];
      span.className = 'st' + info.status;
      span.style.width = (100 * t[k] / total).toFixed(2) + '%';
      text.push(info.label + ' ' + Cti.fmtDuration(t[k]));
    });
    const label = 'Today: ' + (text.length ? text.join(', ') : 'nothing yet');
    if (bar.getAttribute('aria-label') !== label) { bar.setAttribute('aria-label', label); bar.title = label; }
  }

  // ------------------------------------------------------------------ filter, sort, counts, timers
  function matches(r) {
    const status = $('filter-status').value;
    const name = $('filter-name').value.trim().toLowerCase();
    return (!status || String(r.a.presenceStatus) === status) && (!name || r.name.toLowerCase().includes(name)
      || r.a.agentId.toLowerCase().includes(name));
  }

  function applyFilter(r) {
    const hide = !matches(r);
    if (r.tr.hidden !== hide) r.tr.hidden = hide;
  }

  function applyFilterAll() {
    recs.forEach(applyFilter);
    showCount();
  }

  function reorder() {
    orderDirty = false;
    const byTime = $('sort').value === 'time';
    const list = Array.from(recs.values()).sort(byTime
      ? (x, y) => Date.parse(x.a.since) - Date.parse(y.a.since) || x.name.localeCompare(y.name)
      : (x, y) => x.name.localeCompare(y.name, undefined, { numeric: true }) || x.a.agentId.localeCompare(y.a.agentId));
    const body = $('rows');
    let node = body.firstElementChild, same = true;
    for (const r of list) { if (node !== r.tr) { same = false; break; } node = node.nextElementSibling; }
    if (same) return;
    const frag = document.createDocumentFragment();
    list.forEach(r => frag.appendChild(r.tr));
    body.appendChild(frag);
  }

  function recount() {
    countsDirty = false;
    const n = {};
    recs.forEach(r => { n[r.a.presenceStatus] = (n[r.a.presenceStatus] || 0) + 1; });
    document.querySelectorAll('#counts li').forEach(li => {
      li.querySelector('b').textContent = n[li.dataset.status] || 0;
    });
    showCount();
  }

  function showCount() {
    let shown = 0;
    recs.forEach(r => { if (!r.tr.hidden) shown++; });
    $('shown').textContent = shown + ' of ' + recs.size + ' agents shown';
  }

  function tick() {
    if (!recs.size) return;
    const now = Cti.serverNow();
    ticks++;
    recs.forEach(r => {
      renderTimers(r, now);
      if (ticks % 10 === 0) renderBar(r, now);
    });
    if (mode === 'live' && Date.now() - lastDataAt > STALE_MS && streamCtrl) {
      const c = streamCtrl;               // no heartbeat for too long: the connection is dead
      c.abort();
    }
  }

  init();
})();
