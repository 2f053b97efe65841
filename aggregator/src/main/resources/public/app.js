// flightwatch dashboard: the table, the controls, the evidence and the live stream, in plain DOM (the map and charts are
// Apache ECharts, in map.js and bars.js; helpers in dom.js: article text only ever goes in as text, links only http(s)).
(function () {
  'use strict';

  // The kinds by the words of the API (?kind= of every request, the keys of "kinds" in every answer, the URL here).
  const KINDS = ['officials_fled', 'officials_returned', 'money_moved_abroad', 'money_recovered'];
  const KIND_LABELS = {
    officials_fled: 'Officials fled', officials_returned: 'Officials returned',
    money_moved_abroad: 'Money moved abroad (USD)', money_recovered: 'Money recovered (USD)'
  };
  // the names links shared before this release carry (?kind=moneyMovedUsd): still opened, then written anew
  const OLD_KINDS = { officialsFled: 'officials_fled', officialsReturned: 'officials_returned',
    moneyMovedUsd: 'money_moved_abroad', moneyRecoveredUsd: 'money_recovered' };
  const state = { role: 'destination', kind: 'officials_fled', totals: new Map(), selected: null, from: null, to: null,
    caseId: null };

  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

  const { el, sourceLink } = window.flightwatchDom;

  function isMoney(kind) { return kind.startsWith('money'); }

  function fmt(kind, value) {
    const n = Number(value);
    if (!isFinite(n)) return '?';
    return isMoney(kind) ? '$' + compact.format(n) : whole.format(n);
  }

  /** A country's band of one kind in the chosen role: "kinds": {"officials_fled": {"destination": band, ...}}. */
  function band(t, kind) { return t.kinds[kind][state.role]; }

  function bandCell(kind, band) {
    const td = el('td', 'band ' + kind);
    if (!band || band.claims === 0) { td.textContent = '–'; return td; }
    td.appendChild(el('span', 'low', fmt(kind, band.low)));
    if (Number(band.high) !== Number(band.low)) {
      td.appendChild(el('span', 'sep', ' – '));
      td.appendChild(el('span', 'high', fmt(kind, band.high)));
    }
    td.title = band.claims + ' distinct claim(s), ' + band.sources + ' independent source(s)'
      + (band.namedPeople ? '; ' + band.namedPeople + ' named individual(s)' : '');
    return td;
  }

  function sorted() {
    const rows = Array.from(state.totals.values()).filter(t => KINDS.some(k => band(t, k).claims > 0));
    rows.sort((a, b) => {
      const ba = band(a, state.kind), bb = band(b, state.kind);
      return (Number(bb.high) - Number(ba.high)) || (Number(bb.low) - Number(ba.low))
        || a.country.localeCompare(b.country);
    });
    return rows;
  }

  function renderTable(changed) {
    const body = document.getElementById('rows');
    const rows = sorted();
    body.replaceChildren();
    for (const t of rows) {
      const tr = el('tr');
      tr.id = 'row-' + t.country;
      tr.dataset.country = t.country;
      if (t.country === state.selected) tr.classList.add('selected');
      if (changed && changed.has(t.country)) tr.classList.add('updated');
      const name = el('td', 'country');
      name.appendChild(el('span', 'name', t.name));
      if (t.name !== t.country) name.appendChild(el('span', 'iso', ' (' + t.country + ')')); // never "ZZ (ZZ)"
      tr.appendChild(name);
      for (const k of KINDS) tr.appendChild(bandCell(k, band(t, k)));
      tr.appendChild(el('td', 'claims', KINDS.reduce((s, k) => s + band(t, k).claims, 0)));
      tr.appendChild(el('td', 'sources', KINDS.reduce((s, k) => s + band(t, k).sources, 0)));
      tr.appendChild(el('td', 'articles', t.articles));
      tr.appendChild(el('td', 'updated', t.updatedAt ? String(t.updatedAt).slice(0, 10) : ''));
      tr.addEventListener('click', () => showEvidence(t.country));
      // keyboard: a row is a control like the buttons above (Tab to it, Enter or Space opens its evidence)
      tr.tabIndex = 0;
      tr.setAttribute('aria-label', 'Evidence for ' + t.name);
      tr.addEventListener('keydown', e => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showEvidence(t.country); }
      });
      body.appendChild(tr);
    }
    document.getElementById('empty').hidden = rows.length > 0;
  }

  function t_apart(t) {
    const b = band(t, state.kind);
    return t.name + ' (not counted in any country): ' + fmt(state.kind, b.low) + ' – ' + fmt(state.kind, b.high)
      + ', ' + b.claims + ' claim(s)';
  }

  function renderChart() {
    document.getElementById('chart-title').textContent =
      KIND_LABELS[state.kind] + ', by ' + (state.role === 'destination' ? 'destination' : 'origin');
    // "no single country" is no country: it is named under the chart, never a bar among them
    const all = sorted().filter(t => band(t, state.kind).claims > 0);
    const zz = all.find(t => t.country === 'ZZ');
    document.getElementById('chart-apart').textContent = zz ? t_apart(zz) : '';
    document.getElementById('chart-empty').hidden = all.some(t => t.country !== 'ZZ');
    if (window.flightwatchBars) {
      window.flightwatchBars.update(all.filter(t => t.country !== 'ZZ')
        .map(t => ({ iso: t.country, name: t.name, band: band(t, state.kind) })), v => fmt(state.kind, v));
    }
  }

  function renderMap() {
    if (!window.flightwatchMap) return;
    const title = KIND_LABELS[state.kind] + ', by ' + (state.role === 'destination' ? 'destination' : 'origin');
    document.getElementById('map-title').textContent = title;
    const rows = sorted().filter(t => band(t, state.kind).claims > 0)
      .map(t => ({ iso: t.country, name: t.name, band: band(t, state.kind) }));
    window.flightwatchMap.update(rows, title, v => fmt(state.kind, v), state.selected);
  }

  /** The list's query: role and the period ("from=2014&to=2018": totals of the claims dated in those years). */
  function listQuery() {
    const q = new URLSearchParams({ role: state.role });
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', state.to);
    return q.toString();
  }

  function year(v) { return /^\d{4}$/.test(v || '') ? v : null; }

  // The view lives in the URL (?role=origin&kind=money_moved_abroad&country=CN): reload and share reproduce it.
  function readUrl() {
    const q = new URLSearchParams(window.location.search);
    if (q.get('role') === 'origin' || q.get('role') === 'destination') state.role = q.get('role');
    const kind = OLD_KINDS[q.get('kind')] || q.get('kind');
    if (KINDS.includes(kind)) state.kind = kind;
    if (/^[A-Z]{2}$/.test(q.get('country') || '')) state.selected = q.get('country');
    state.from = year(q.get('from'));
    state.to = year(q.get('to'));
    const c = q.get('case'); // a named person's case (its id from /api/cases), opened under its country
    state.caseId = state.selected && c && c.length <= 200 ? c : null;
  }

  function writeUrl() {
    const q = new URLSearchParams();
    if (state.role !== 'destination') q.set('role', state.role);
    if (state.kind !== 'officials_fled') q.set('kind', state.kind);
    if (state.selected) q.set('country', state.selected);
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', state.to);
    if (state.selected && state.caseId) q.set('case', state.caseId);
    const search = q.toString();
    // the downloads hold what the page shows (the period included)
    document.getElementById('download').href = '/api/countries?format=csv&' + listQuery();
    window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : ''));
  }

  function syncControls() {
    for (const o of document.querySelectorAll('.toggle button')) o.classList.toggle('active', o.dataset.role === state.role);
    document.getElementById('kind').value = state.kind;
    document.getElementById('from').value = state.from || '';
    document.getElementById('to').value = state.to || '';
  }

  function render(changed) {
    renderTable(changed);
    renderChart();
    renderMap();
    writeUrl();
  }

  /** The open country's band per year, for the chosen role and kind. */
  function showYears() {
    const iso = state.selected;
    if (!iso || !window.flightwatchBars) return;
    const role = state.role, kind = state.kind;
    fetch('/api/countries/' + encodeURIComponent(iso) + '/years').then(r => r.ok ? r.json() : null).then(body => {
      // an answer for a view since left (another country, role or kind) is not drawn over the current one
      if (body && iso === state.selected && role === state.role && kind === state.kind) {
        window.flightwatchBars.years(body, role, kind, v => fmt(kind, v));
      }
    }, () => {});
  }

  /** The open country's flows, for the chosen kind and period: called whenever one of them changes. */
  function showFlows() {
    const iso = state.selected;
    if (!iso || !window.flightwatchFlows) return;
    const t = state.totals.get(iso);
    const kind = state.kind;
    window.flightwatchFlows.show(iso, t ? t.name : iso, kind, { from: state.from, to: state.to },
      v => fmt(kind, v)).catch(() => {});
  }

  async function showEvidence(iso) {
    if (iso !== state.selected) state.caseId = null; // another country: its cases start closed
    state.selected = iso;
    renderTable();
    writeUrl();
    const panel = document.getElementById('evidence');
    const list = document.getElementById('evidence-list');
    const title = document.getElementById('evidence-title');
    panel.hidden = false;
    panel.scrollIntoView({ block: 'start' }); // the panel sits below the table: bring it to the reader
    list.replaceChildren();
    const t = state.totals.get(iso);
    title.textContent = 'Evidence for ' + (t ? t.name : iso);
    // the country's claims and named people as files (the same rows as the panel, all of them up to the API's limit)
    const code = encodeURIComponent(iso);
    document.getElementById('evidence-csv').href = '/api/countries/' + code + '/evidence?limit=1000&format=csv';
    document.getElementById('evidence-json').href = '/api/countries/' + code + '/evidence?limit=1000';
    document.getElementById('evidence-json').setAttribute('download', 'flightwatch-evidence-' + iso + '.json');
    document.getElementById('cases-csv').href = '/api/cases?limit=1000&format=csv&country=' + code;
    if (window.flightwatchCases) {
      window.flightwatchCases.show(iso, state.caseId, id => { state.caseId = id; writeUrl(); }).catch(() => {});
    }
    showYears();
    showFlows();
    const res = await fetch('/api/countries/' + encodeURIComponent(iso) + '/evidence?limit=200');
    const body = await res.json();
    if (!res.ok) {
      list.appendChild(el('li', 'error', body.error || ('HTTP ' + res.status)));
      return;
    }
    for (const c of body.claims) {
      const li = el('li', 'claim');
      li.appendChild(el('div', 'claim-head', c.kind.replace(/_/g, ' ') + ': ' + (c.valueText || fmt(c.kind, c.high))
        + (c.namedPerson && c.namedPerson !== c.valueText ? ' (' + c.namedPerson + ')' : ''))); // no "X (X)"
      // a return or a recovery goes from the country abroad back home: the arrow points home
      const back = c.kind === 'officials_returned' || c.kind === 'money_recovered';
      const route = back ? (c.destination || '?') + ' → ' + (c.origin || '?') : (c.origin || '?') + ' → ' + (c.destination || '?');
      li.appendChild(el('div', 'claim-meta', route + ' · '
        + c.sourceCount + ' independent source(s), ' + c.articleCount + ' article(s)' + (c.cumulative ? ' · cumulative' : '') + (c.period ? ' · ' + c.period : '')
        + (c.hedged ? ' · hedged' : '')));
      for (const s of c.sources) {
        li.appendChild(el('blockquote', 'quote', s.quote));
        const label = (s.title || s.url || s.articleId) + (s.publishedAt ? ' (' + String(s.publishedAt).slice(0, 10) + ')' : '');
        li.appendChild(sourceLink(label, s.url));
      }
      list.appendChild(li);
    }
  }

  async function load() {
    const res = await fetch('/api/countries?' + listQuery());
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const list = await res.json();
    state.totals.clear();
    for (const t of list) state.totals.set(t.country, t);
    render();
  }

  // The badge says "live" only when the list loaded and the stream is open; a failed load (503 while the
  // aggregator restores its stores) is retried with a back-off instead of leaving the page empty.
  const conn = { loaded: false, streaming: false, retrying: false, again: false };

  function badge() {
    const status = document.getElementById('status');
    if (!conn.loaded) {
      status.textContent = 'restoring… (retrying)';
      status.className = 'status offline';
    } else if (!conn.streaming) {
      status.textContent = 'reconnecting…';
      status.className = 'status offline';
    } else {
      status.textContent = 'live';
      status.className = 'status live';
    }
  }

  function loadWithRetry(delay) {
    if (conn.retrying) { conn.again = true; return; } // asked while a load runs: load once more after it
    conn.retrying = true;
    conn.again = false;
    load().then(() => {
      conn.loaded = true;
      conn.retrying = false;
      badge();
      if (conn.again) loadWithRetry(1000);
    }, () => {
      conn.loaded = false;
      conn.retrying = false;
      badge();
      setTimeout(() => loadWithRetry(Math.min((delay || 1000) * 2, 30000)), delay || 1000);
    });
  }

  // A list being loaded while an event arrives may have been read before that change, and would put the country
  // back as it was: load once more after it.
  function stale() { if (conn.retrying) conn.again = true; }

  function connect() {
    const source = new EventSource('/api/stream');
    // A page kept in the back/forward cache would hold its stream open, and a browser allows six connections per
    // host: close it when the page goes away (and open a new one if it comes back).
    window.addEventListener('pagehide', () => source.close(), { once: true });
    window.addEventListener('pageshow', e => { if (e.persisted) connect(); }, { once: true });
    source.addEventListener('hello', () => { conn.streaming = true; badge(); });
    source.addEventListener('totals', ev => {
      if (state.from || state.to) { loadWithRetry(1000); return; } // events carry all-time totals: ask for the period
      const t = JSON.parse(ev.data);
      state.totals.set(t.country, t);
      render(new Set([t.country]));
      stale();
    });
    source.addEventListener('removed', ev => {
      const t = JSON.parse(ev.data);
      state.totals.delete(t.country);
      render();
      stale();
    });
    source.onerror = () => { conn.streaming = false; badge(); };
    // after a reconnect the list may have changed meanwhile: load it again
    source.onopen = () => loadWithRetry(1000);
  }

  function init() {
    readUrl();
    syncControls();
    for (const b of document.querySelectorAll('.toggle button')) {
      b.addEventListener('click', () => {
        state.role = b.dataset.role;
        for (const o of document.querySelectorAll('.toggle button')) o.classList.toggle('active', o === b);
        render();
        showYears(); // the open country's years are of the chosen role
      });
    }
    document.getElementById('kind').addEventListener('change', e => {
      state.kind = e.target.value;
      render();
      showYears(); // the open country's years and flows are of the chosen kind
      showFlows();
    });
    for (const id of ['from', 'to']) {
      document.getElementById(id).addEventListener('change', e => {
        state[id] = year(e.target.value.trim());
        writeUrl();
        loadWithRetry(1000); // the period is the server's filter: load the list again
        showFlows(); // and the open country's flows are of the period too
      });
    }
    if (window.flightwatchMap) {
      // a click on a country opens its evidence, like a click on its row
      window.flightwatchMap.init(iso => showEvidence(iso)).then(() => renderMap(), () => {});
    }
    connect();
    loadWithRetry(1000);
    if (state.selected) showEvidence(state.selected); // a shared link to a country opens its evidence
  }

  document.addEventListener('DOMContentLoaded', init);
}());
