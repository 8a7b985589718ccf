// Shows every <time datetime="..."> in the reader's own time zone and language. The server writes UTC (ISO-8601),
// which stays in the datetime attribute and the title; pages work without this script.
(function () {
  'use strict';
  function localise() {
    var lang = document.documentElement.lang || undefined;
    var format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var when = new Date(t.getAttribute('datetime'));
      if (!isNaN(when.getTime()) && t.getAttribute('datetime').indexOf('T') > 0) {
        t.title = t.getAttribute('datetime');
        t.textContent = format.format(when);
      }
    });
  }
  document.addEventListener('DOMContentLoaded', localise);
  document.addEventListener('corridor:refreshed', localise);
})();

// Live parts of a page: an element with data-refresh="N" is fetched again every N seconds (at least 3) from the same
// page and replaced by its new version, so states update without a reload. Only the server's own escaped HTML is
// taken, from this origin (the Content-Security-Policy allows nothing else); forms are never inside a live part.
(function () {
  'use strict';
  function refresh(id, seconds) {
    window.setTimeout(function () {
      if (document.hidden) { refresh(id, seconds); return; }
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html) {
            var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
            var here = document.getElementById(id);
            if (fresh && here) {
              here.replaceChildren.apply(here, Array.from(fresh.childNodes).map(function (n) { return document.importNode(n, true); }));
              here.querySelectorAll('time[datetime]').length && document.dispatchEvent(new Event('corridor:refreshed'));
            }
          }
        })
        .catch(function () { /* the next round tries again */ })
        .finally(function () { refresh(id, seconds); });
    }, seconds * 1000);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-refresh][id]').forEach(function (e) {
      refresh(e.id, Math.max(3, parseInt(e.getAttribute('data-refresh'), 10) || 10));
    });
  });
})();
