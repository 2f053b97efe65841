// Named people of a country (its cases, /api/cases?country=): status, where they went, and each one's timeline with
// its evidence. Text from articles goes in with textContent only.
(function () {
  'use strict';

  const { el, sourceLink } = window.flightwatchDom;

  function timeline(c) {
    const ol = el('ol', 'timeline');
    for (const e of c.timeline || []) {
      const li = el('li', 'event');
      li.appendChild(el('span', 'event-head', (e.date ? String(e.date).slice(0, 10) + ' · ' : '') + e.event.replace(/_/g, ' ')
        + (e.country ? ' · ' + e.country : '') + (e.channel ? ' (' + e.channel + ')' : '') + (e.hedged ? ' · hedged' : '')
        + (e.valueText ? ' · ' + e.valueText : '')));
      if (e.quote) li.appendChild(el('blockquote', 'quote', e.quote));
      if (e.url) li.appendChild(sourceLink(e.url, e.url));
      ol.appendChild(li);
    }
    return ol;
  }

  // openId: the case to open at once (from the URL); onToggle(id or null) tells the page which case is open
  async function show(iso, openId, onToggle) {
    const list = document.getElementById('cases-list');
    if (!list) return;
    list.replaceChildren();
    const res = await fetch('/api/cases?country=' + encodeURIComponent(iso) + '&limit=50');
    if (!res.ok) return;
    const body = await res.json();
    document.getElementById('cases-title').hidden = body.cases.length === 0;
    for (const c of body.cases) {
      const li = el('li', 'case');
      li.id = 'case-' + c.id.replace(/[^A-Za-z0-9_-]/g, '_');
      const head = el('button', 'case-head', c.name + ' · ' + c.status
        + (c.destinations.length ? ' · went to ' + c.destinations.map(d => d.country + (d.hedged ? '?' : '')).join(', ') : '')
        + (c.offices.length ? ' · ' + c.offices.join(', ') : ''));
      head.type = 'button';
      head.setAttribute('aria-expanded', 'false');
      const toggle = () => {
        const open = li.querySelector('.timeline');
        if (open) {
          open.remove();
          head.setAttribute('aria-expanded', 'false');
          if (onToggle) onToggle(null);
          return;
        }
        for (const other of list.querySelectorAll('.timeline')) other.remove(); // one case open: the URL names it
        for (const h of list.querySelectorAll('.case-head')) h.setAttribute('aria-expanded', 'false');
        li.appendChild(timeline(c));
        head.setAttribute('aria-expanded', 'true');
        if (onToggle) onToggle(c.id);
      };
      head.addEventListener('click', toggle);
      li.appendChild(head);
      list.appendChild(li);
      if (openId && c.id === openId) {
        toggle();
        li.scrollIntoView({ block: 'start' }); // a shared link to a case shows it
      }
    }
  }

  window.flightwatchCases = { show: show };
})();
