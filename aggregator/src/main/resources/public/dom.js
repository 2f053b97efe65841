// DOM helpers shared by the dashboard's scripts. Every text that comes from an article goes in with textContent (never
// innerHTML), links are only made from http(s) URLs, and text put into a chart's tooltip HTML is escaped.
(function () {
  'use strict';

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeHref(url) {
    try {
      const u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A link opening in a new tab for an http(s) URL; the label as plain text otherwise. */
  function sourceLink(label, url) {
    const href = safeHref(url);
    if (!href) return el('span', 'source-link', label);
    const a = el('a', 'source-link', label);
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }

  function escape(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  window.flightwatchDom = { el: el, safeHref: safeHref, sourceLink: sourceLink, escape: escape };
})();
