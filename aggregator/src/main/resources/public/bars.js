// The bar chart of the dashboard (Apache ECharts): the top countries of the selected role and kind, each band drawn
// as its high end (light) with its low end (dark) over it.
(function () {
  'use strict';

  const escape = s => window.flightwatchDom.escape(s);

  let chart = null;

  function update(rows, format) {
    const el = document.getElementById('chart');
    if (!el || !window.echarts) return;
    if (!chart) {
      chart = window.echarts.init(el, null, { renderer: 'canvas' });
      window.addEventListener('resize', () => chart.resize());
    }
    const top = rows.slice(0, 15).reverse(); // the largest at the top of a horizontal chart
    el.style.height = Math.max(80, top.length * 28 + 40) + 'px';
    chart.resize();
    chart.setOption({
      grid: { left: 8, right: 120, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: v => format(v) } },
      yAxis: { type: 'category', data: top.map(r => r.name) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: ps => ps.length ? escape(ps[0].name) + ': ' + escape(format(ps[1] ? ps[1].value : 0)) + ' – '
          + escape(format(ps[0].value)) : '' },
      series: [
        { name: 'high', type: 'bar', data: top.map(r => Number(r.band.high)), itemStyle: { color: '#9fc1e6' },
          barWidth: 18, label: { show: true, position: 'right',
            formatter: p => format(top[p.dataIndex].band.low) + ' – ' + format(top[p.dataIndex].band.high) } },
        { name: 'low', type: 'bar', data: top.map(r => Number(r.band.low)), itemStyle: { color: '#1f5f9e' },
          barWidth: 18, barGap: '-100%' }
      ]
    }, { notMerge: true });
    el.dataset.countries = top.map(r => r.iso).join(',');
  }


  let yearsChart = null;

  /** A country's band per year (from /api/countries/{iso}/years) for one role and kind (officials_fled, ...). */
  function years(body, role, kind, format) {
    const el = document.getElementById('years-chart');
    if (!el || !window.echarts) return;
    if (!yearsChart) yearsChart = window.echarts.init(el, null, { renderer: 'canvas' });
    const ys = Object.keys(body.years || {}).sort();
    const band = y => (((body.years[y] || {}).kinds || {})[kind] || {})[role] || { low: 0, high: 0, claims: 0 };
    yearsChart.setOption({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      title: { text: ys.length ? 'By year (claims dated in it)' : 'No dated claims', textStyle: { fontSize: 12 } },
      xAxis: { type: 'category', data: ys },
      // people come whole: no axis ticks at fractions of one (which the formatter would print as "0, 0, 1, 1")
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => format(v) } },
      tooltip: { trigger: 'axis' },
      series: [
        { name: 'high', type: 'bar', data: ys.map(y => Number(band(y).high)), itemStyle: { color: '#9fc1e6' } },
        { name: 'low', type: 'bar', data: ys.map(y => Number(band(y).low)), itemStyle: { color: '#1f5f9e' },
          barGap: '-100%' }
      ]
    }, { notMerge: true });
    el.dataset.years = ys.filter(y => band(y).claims > 0).join(',');
  }

  window.flightwatchBars = { update: update, years: years };
})();
