// A country's flows in its evidence panel: an Apache ECharts Sankey of /api/flows for the selected kind, where people or
// money came from on the left, the country in the middle, where they went on the right (a return goes from the country
// it came back from to home). Each link's width is the high end of the band; the tooltip and the list below give the
// band (low – high), claims and sources. Country names come from the API and go in as text (tooltips escaped).
(function () {
  'use strict';

  const { el, escape } = window.flightwatchDom;

  let chart = null;
  let shown = 0; // the latest request: an answer to an earlier one (another country, kind or period) is dropped

  /** Loads and draws the flows of {@code iso} for {@code kind} (officials_fled, ...) and the period {from, to}. */
  async function show(iso, name, kind, period, format) {
    const box = document.getElementById('flows-chart');
    const list = document.getElementById('flows-list');
    const title = document.getElementById('flows-title');
    if (!box || !list) return;
    const request = ++shown;
    const q = new URLSearchParams({ country: iso, kind: kind || 'officials_fled', limit: '100' });
    if (period.from) q.set('from', period.from);
    if (period.to) q.set('to', period.to);
    const csv = new URLSearchParams(q);
    csv.set('limit', '1000');
    csv.set('format', 'csv');
    document.getElementById('flows-csv').href = '/api/flows?' + csv.toString();
    const res = await fetch('/api/flows?' + q.toString());
    const body = await res.json();
    if (request !== shown) return;
    list.replaceChildren();
    if (!res.ok) {
      list.appendChild(el('li', 'error', body.error || ('HTTP ' + res.status)));
      return;
    }
    const flows = body.flows || [];
    title.textContent = flows.length ? 'Flows: where from, where to'
      : (period.from || period.to ? 'No flows of this kind in this period' : 'No flows of this kind');
    draw(box, iso, name, flows, format);
    for (const f of flows) {
      list.appendChild(el('li', 'flow', label(f.from, iso, name) + ' → ' + label(f.to, iso, name) + ': '
        + format(f.low) + ' – ' + format(f.high) + ' (' + f.claims + ' claim(s), ' + f.sources + ' source(s))'));
    }
    if (body.next) list.appendChild(el('li', 'more', 'More flows: download the CSV.'));
  }

  function label(code, iso, name) { return code === iso ? name : code; }

  function draw(box, iso, name, flows, format) {
    box.hidden = flows.length === 0;
    box.dataset.flows = flows.map(f => f.from + '>' + f.to + ':' + f.low + '-' + f.high).join(',');
    if (chart && flows.length === 0) chart.clear(); // no routes left of another kind or period
    if (!window.echarts || flows.length === 0) return;
    if (!chart) {
      chart = window.echarts.init(box, null, { renderer: 'canvas' });
      window.addEventListener('resize', () => chart.resize());
    }
    // Node ids keep the two sides apart ("from:GB", "to:GB"), so flows both ways between two countries are no cycle.
    const nodes = new Map();
    const node = (id, text) => { if (!nodes.has(id)) nodes.set(id, { name: id, text: text }); return id; };
    const centre = node('country:' + iso, name);
    const links = flows.map(f => {
      const source = f.from === iso ? centre : node('from:' + f.from, f.from);
      const target = f.to === iso && f.from !== iso ? centre : node('to:' + f.to, f.to);
      return { source: source, target: target, value: Math.max(Number(f.high), 1e-6), band: f };
    });
    chart.setOption({
      animation: false, // the routes appear whole: a growing animation would show half a chart to a quick look
      tooltip: { trigger: 'item', formatter: p => {
        if (p.dataType !== 'edge') return escape(nodes.get(p.name) ? nodes.get(p.name).text : p.name);
        const f = p.data.band;
        return escape(label(f.from, iso, name) + ' → ' + label(f.to, iso, name)) + '<br>' + escape(format(f.low))
          + ' – ' + escape(format(f.high)) + ' (' + escape(f.claims) + ' claim(s), ' + escape(f.sources) + ' source(s))';
      } },
      series: [{
        type: 'sankey', left: 8, right: 60, top: 8, bottom: 8, nodeAlign: 'justify', draggable: false,
        data: Array.from(nodes.values()).map(n => ({ name: n.name })),
        links: links,
        label: { formatter: p => nodes.get(p.name) ? nodes.get(p.name).text : p.name },
        lineStyle: { color: 'source', opacity: 0.45 }
      }]
    }, { notMerge: true });
    chart.resize();
    // the panel may have been laid out while hidden: measure again once the browser has drawn it
    window.requestAnimationFrame(() => chart.resize());
  }

  window.flightwatchFlows = { show: show };
})();
