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
})();
