// The world map of the dashboard: Apache ECharts (from its WebJar) draws the countries; this file only feeds it the
// totals the table shows. Countries without claims keep the neutral fill, so "no data" never looks like zero; the
// "no single country" bucket (ZZ) and places the map has no shape for are listed under the map instead.
(function () {
  'use strict';

  const escape = s => window.flightwatchDom.escape(s);

  const GEO = '/webjars/echarts/5.1.1/test/data/map/json/world.json';
  const map = { chart: null, nameOf: {}, isoOf: {}, onSelect: null };


  async function init(onSelect) {
    const el = document.getElementById('map');
    if (!el || !window.echarts) return;
    map.onSelect = onSelect;
    const [geo, names] = await Promise.all([fetch(GEO).then(r => r.json()), fetch('/world-iso.json').then(r => r.json())]);
    for (const [name, iso] of Object.entries(names)) { map.isoOf[name] = iso; map.nameOf[iso] = name; }
    window.echarts.registerMap('world', geo);
    map.chart = window.echarts.init(el, null, { renderer: 'canvas' });
    map.chart.on('click', p => {
      const iso = map.isoOf[p.name];
      if (iso && map.onSelect) map.onSelect(iso);
    });
    window.addEventListener('resize', () => map.chart.resize());
  }

  /**
   * rows: [{iso, name, band}] of the selected role and kind; format(value) renders a figure; selected: an ISO code.
   */
  function update(rows, title, format, selected) {
    if (!map.chart) return;
    const data = [];
    const apart = [];
    for (const r of rows) {
      const shape = map.nameOf[r.iso];
      if (!shape) { apart.push(r.name + ' ' + format(r.band.low) + ' – ' + format(r.band.high)); continue; }
      data.push({ name: shape, value: Number(r.band.high), low: Number(r.band.low), iso: r.iso, label: r.name,
        claims: r.band.claims, sources: r.band.sources, selected: r.iso === selected });
    }
    const max = Math.max(1, ...data.map(d => d.value));
    map.chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: p => p.data
          ? escape(p.data.label) + '<br>' + escape(format(p.data.low)) + ' – ' + escape(format(p.data.value))
            + '<br>' + p.data.claims + ' claim(s), ' + p.data.sources + ' source(s)'
          : escape(p.name) + ': no claims'
      },
      visualMap: { min: 0, max: max, text: ['high end of the band', '0'], inRange: { color: ['#cfe0f3', '#0d3d6e'] },
        left: 'left', bottom: 0, calculable: false },
      series: [{ type: 'map', map: 'world', roam: true, selectedMode: 'single', data: data, name: title,
        itemStyle: { areaColor: '#e9ebee', borderColor: '#9aa3ad', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c14e' } },
        select: { label: { show: false }, itemStyle: { areaColor: '#f2994a' } } }]
    }, { replaceMerge: ['series'] });
    const el = document.getElementById('map');
    el.dataset.countries = data.map(d => d.iso).sort().join(',');
    document.getElementById('map-apart').textContent = apart.length ? 'Not on the map: ' + apart.join('; ') : '';
  }

  window.flightwatchMap = { init: init, update: update };
})();
