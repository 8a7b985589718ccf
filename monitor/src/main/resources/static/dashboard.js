// Corridor dashboard: polls the monitor's JSON API and renders it. Every value goes in through textContent or
// attributes, never as HTML: dead-letter reasons are written by whoever sent the bad record.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

function cell(row, value, cls) {
  const td = document.createElement('td');
  if (value instanceof Node) td.appendChild(value); else td.textContent = value == null ? '—' : String(value);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function badge(status) {
  const span = document.createElement('span');
  span.className = 'badge ' + status;
  span.textContent = status;
  return span;
}

function sparkline(values) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 140 24');
  if (!values || values.length < 2) return svg;
  const min = Math.min(...values), max = Math.max(...values), span = max - min || 1;
  const points = values.map((v, i) => (i * 140 / (values.length - 1)).toFixed(1) + ',' + (22 - (v - min) * 20 / span).toFixed(1));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  svg.appendChild(line);
  const title = document.createElementNS(SVG, 'title');
  title.textContent = 'from ' + values[0] + ' to ' + values[values.length - 1];
  svg.appendChild(title);
  return svg;
}

function fill(id, rows, render) {
  const body = document.querySelector('#' + id + ' tbody');
  const fresh = document.createElement('tbody');
  rows.forEach(r => { const tr = document.createElement('tr'); render(tr, r); fresh.appendChild(tr); });
  body.replaceWith(fresh);
}

const num = v => v == null ? null : (Number.isInteger(v) ? v : v.toFixed(v < 10 ? 3 : 1));
const time = t => t ? new Date(t).toLocaleTimeString() : null;

function render(report, health) {
  const overall = document.getElementById('overall');
  overall.className = 'badge ' + health;
  overall.textContent = health;
  document.getElementById('updated').textContent = 'sampled ' + time(report.at) + ' · window ' + report.windowSeconds + ' s';
  fill('latency', report.latency.filter(l => l.stage === 'routing' || l.body == null), (tr, l) => {
    cell(tr, l.stage); cell(tr, num(l.p50), 'num'); cell(tr, num(l.p99), 'num'); cell(tr, num(l.p999), 'num'); cell(tr, l.count, 'num');
  });
  document.getElementById('problems').textContent = report.problems.length ? 'Not reachable: ' + report.problems.join('; ') : '';
  fill('groups', report.groups, (tr, g) => {
    tr.dataset.group = g.group;
    cell(tr, g.group); cell(tr, badge(g.status)); cell(tr, g.state); cell(tr, g.members, 'num');
    cell(tr, g.lag, 'num'); cell(tr, num(g.lagSeconds), 'num'); cell(tr, sparkline(g.lagHistory)); cell(tr, g.explanation);
  });
  fill('bodies', report.bodies, (tr, b) => {
    tr.dataset.body = b.body;
    cell(tr, b.body).title = b.name; cell(tr, badge(b.status)).title = b.explanation;
    cell(tr, b.lag, 'num'); cell(tr, num(b.lagSeconds), 'num'); cell(tr, b.delivered, 'num'); cell(tr, b.failedAttempts, 'num');
    cell(tr, b.parked, 'num'); cell(tr, b.acknowledged, 'num'); cell(tr, b.escalated, 'num'); cell(tr, time(b.lastDelivered));
    cell(tr, num(b.deliveryP99), 'num');
  });
  const rc = report.returnChannel;
  document.getElementById('return-channel-summary').textContent = rc.measured
    ? 'questions and feedback counted by the agency service at ' + time(rc.countedAt)
    : 'questions and feedback not measured: the agency service was not scraped (inbox deliveries only)';
  fill('parties', rc.parties, (tr, p) => {
    tr.dataset.party = p.party;
    cell(tr, p.kind + ' ' + p.id);
    cell(tr, rc.measured ? p.openQuestions : null, 'num');
    cell(tr, rc.measured ? p.overdueQuestions : null, p.overdueQuestions > 0 ? 'num overdue' : 'num');
    cell(tr, p.inboxDelivered, 'num'); cell(tr, p.inboxFailed, 'num'); cell(tr, p.inboxRefused, 'num'); cell(tr, p.escalatedQuestions, 'num'); cell(tr, time(p.lastInboxDelivery));
  });
  fill('feedback', rc.feedback, (tr, f) => {
    tr.dataset.body = f.body;
    cell(tr, f.body); cell(tr, f.alerts, 'num'); cell(tr, f.withOutcome, 'num');
    cell(tr, f.rate == null ? null : Math.round(f.rate * 100) + ' %', 'num');
  });
  const d = report.deadLetters;
  const reasons = Object.entries(d.byReason).map(([k, v]) => k + ' ' + v).join(', ');
  document.getElementById('dead-summary').textContent = d.total + ' dead letters' + (reasons ? ' (' + reasons + ')' : '')
    + ' · ' + num(d.growthPerMinute) + ' per minute over the window · ' + d.parked + ' parked deliveries';
  fill('dead-letters', d.recent, (tr, e) => {
    cell(tr, time(e.at)); cell(tr, e.code); cell(tr, e.sourceTopic + '/' + e.sourcePartition + '@' + e.sourceOffset); cell(tr, e.reason);
  });
  fill('topics', report.topics, (tr, t) => {
    tr.dataset.topic = t.name;
    cell(tr, t.name); cell(tr, t.kind); cell(tr, t.partitions, 'num'); cell(tr, t.replicationFactor, 'num');
    cell(tr, t.underReplicated, 'num'); cell(tr, t.offline, 'num'); cell(tr, t.records, 'num'); cell(tr, num(t.ratePerSecond), 'num');
    cell(tr, sparkline(t.logEndHistory));
  });
  document.body.dataset.loaded = 'true';
}

// The API's URL without the page's user:password@ (which fetch refuses when a page was opened with credentials in its
// URL); the browser still sends the basic credentials it answered the page's challenge with, same origin and realm.
function sameOrigin(path) {
  return new URL(path, location.origin + location.pathname);
}

async function refresh() {
  try {
    const [report, health] = await Promise.all([
      fetch(sameOrigin('api/v1/health')).then(r => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); }),
      fetch(sameOrigin('actuator/health')).then(r => r.json()).then(h => h.status).catch(() => 'UNKNOWN')]);
    render(report, health);
  } catch (e) {
    document.getElementById('updated').textContent = 'cannot load /api/v1/health: ' + e.message;
  }
}

refresh();
setInterval(refresh, 2000);
