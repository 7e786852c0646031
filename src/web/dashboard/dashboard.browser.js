// The dashboard polls the service's own JSON routes. Their URLs are relative, so they resolve next to this page
// under API Gateway's stage prefix. Everything is written with textContent: user ids and log lines come from
// orders anyone may send, and must never be read as HTML.
// biome-ignore lint/suspicious/noRedundantUseStrict: a classic browser script, not a module, so strict mode is not implied
'use strict';

const REFRESH_MS = 3000;
const RANKING_SIZE = 5;
const LOG_LINES = 15;
// The time axis ends at the newest month with orders and reaches back this far at most (months without orders are gaps).
const MONTHS_SHOWN = 24;
const SVG_NS = 'http://www.w3.org/2000/svg';
// Two panels over one time axis: revenue above, orders (valid and failed, stacked) below, each with its own unit.
const CHART = { width: 760, height: 300, left: 72, right: 16, panelHeight: 96, revenueTop: 28, ordersTop: 164 };
const MIN_BAR_PX = 2;

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

const getJson = async (path) => {
  const response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`Cannot read ${path}: ${body.error ?? `HTTP ${response.status}`}`);
  return body;
};

const element = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

const svg = (tag, attributes, text) => {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
};

const setStatus = (state, text) => {
  const status = document.getElementById('status');
  status.dataset.state = state;
  status.textContent = text;
};

const renderTotals = ({ total_orders, total_revenue, failed_orders }) => {
  document.getElementById('total-orders').textContent = integer.format(total_orders);
  document.getElementById('total-revenue').textContent = money.format(total_revenue);
  document.getElementById('failed-orders').textContent = integer.format(failed_orders);
  const all = total_orders + failed_orders;
  document.getElementById('failure-rate').textContent = all === 0 ? '–' : percent.format(failed_orders / all);
};

const renderRanking = (tableId, entries, figure) => {
  const rows = entries.slice(0, RANKING_SIZE).map((entry) => {
    const row = element('tr');
    row.append(element('td', String(entry.position)), element('td', entry.user_id), element('td', figure(entry), 'number'));
    return row;
  });
  if (rows.length === 0) {
    const empty = element('td', 'No valid orders yet', 'empty');
    empty.colSpan = 3;
    rows.push(element('tr'));
    rows[0].append(empty);
  }
  document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
};

const renderRankings = ({ total_spend_ranking, total_order_count_ranking }) => {
  renderRanking('spend-ranking', total_spend_ranking, (entry) => money.format(entry.total_spend));
  renderRanking('count-ranking', total_order_count_ranking, (entry) => integer.format(entry.total_order_count));
};

const monthIndex = (month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthName = (index) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Round ticks from 0 to at least `max`: about `count` steps of 1, 2, 2.5 or 5 times a power of ten (whole steps for
 * counts).
 */
const roundTicks = (max, { count = 4, whole = false } = {}) => {
  const top = Math.max(max, 1);
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10]
    .map((factor) => factor * power)
    .find((candidate) => candidate >= raw && (!whole || Number.isInteger(candidate)));
  const steps = Math.ceil(top / step);
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
};

/** One panel: its unit as the axis title, round ticks with grid lines, and a scale from values to pixels. */
const panel = (nodes, { top, title, max, whole }) => {
  const ticks = roundTicks(max, { whole });
  const scaleTop = ticks.at(-1);
  const baseline = top + CHART.panelHeight;
  const height = (value) => (value <= 0 ? 0 : Math.max(MIN_BAR_PX, (value / scaleTop) * CHART.panelHeight));
  nodes.push(svg('text', { x: CHART.left, y: top - 12, class: 'axis-title' }, title));
  for (const tick of ticks) {
    const y = baseline - (tick / scaleTop) * CHART.panelHeight;
    nodes.push(svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y, y2: y, class: 'grid' }));
    nodes.push(svg('text', { x: CHART.left - 8, y: y + 4, 'text-anchor': 'end', class: 'axis y-tick' }, compact.format(tick)));
  }
  return { baseline, height };
};

/** Revenue and orders by month on a time axis: every month of the range has its place, months without orders are gaps. */
const renderChart = (allMonths) => {
  const chart = document.getElementById('monthly-chart');
  const nodes = [];
  if (allMonths.length === 0) {
    nodes.push(
      svg('text', { x: CHART.width / 2, y: CHART.height / 2, 'text-anchor': 'middle', class: 'empty' }, 'No orders yet'),
    );
    chart.replaceChildren(...nodes);
    return;
  }
  const last = Math.max(...allMonths.map((month) => monthIndex(month.month)));
  const first = Math.max(Math.min(...allMonths.map((month) => monthIndex(month.month))), last - MONTHS_SHOWN + 1);
  const months = allMonths.filter((month) => monthIndex(month.month) >= first && monthIndex(month.month) <= last);
  const slots = last - first + 1;
  const slotWidth = (CHART.width - CHART.left - CHART.right) / slots;
  const barWidth = Math.max(2, Math.min(36, slotWidth * 0.6));
  const revenue = panel(nodes, {
    top: CHART.revenueTop,
    title: 'Revenue (currency units)',
    max: Math.max(...months.map((month) => month.total_revenue)),
  });
  const orders = panel(nodes, {
    top: CHART.ordersTop,
    title: 'Orders (count)',
    max: Math.max(...months.map((month) => month.total_orders + month.failed_orders)),
    whole: true,
  });
  // A label every month when they fit, else every 3rd or 6th month, always on a quarter's first month.
  const labelEvery = [1, 3, 6, 12].find((every) => slots / every <= 8) ?? 12;
  for (let index = first; index <= last; index += 1) {
    if (slots > 1 && labelEvery > 1 && index % labelEvery !== 0) continue;
    const center = CHART.left + slotWidth * (index - first + 0.5);
    nodes.push(
      svg('text', { x: center, y: orders.baseline + 18, 'text-anchor': 'middle', class: 'axis x-tick' }, monthName(index)),
    );
  }
  for (const month of months) {
    const center = CHART.left + slotWidth * (monthIndex(month.month) - first + 0.5);
    const x = center - barWidth / 2;
    const group = svg('g', { 'data-month': month.month });
    group.append(
      svg(
        'title',
        {},
        `${month.month}: revenue ${money.format(month.total_revenue)}, ` +
          `${integer.format(month.total_orders)} valid and ${integer.format(month.failed_orders)} failed orders`,
      ),
    );
    const revenueHeight = revenue.height(month.total_revenue);
    const validHeight = orders.height(month.total_orders);
    const failedHeight = orders.height(month.failed_orders);
    group.append(
      svg('rect', { x, y: revenue.baseline - revenueHeight, width: barWidth, height: revenueHeight, class: 'revenue' }),
      svg('rect', { x, y: orders.baseline - validHeight, width: barWidth, height: validHeight, class: 'valid' }),
      svg('rect', {
        x,
        y: orders.baseline - validHeight - failedHeight,
        width: barWidth,
        height: failedHeight,
        class: 'failed',
      }),
    );
    nodes.push(group);
  }
  chart.replaceChildren(...nodes);
};

const LOG_FIELDS_SHOWN_ELSEWHERE = new Set(['timestamp', 'level', 'message']);

const renderLogs = (logs) => {
  const lines = logs
    .slice(-LOG_LINES)
    .reverse()
    .map((entry) => {
      const line = element('li');
      const time = element('time', entry.timestamp.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
      time.dateTime = entry.timestamp;
      const fields = Object.entries(entry)
        .filter(([name]) => !LOG_FIELDS_SHOWN_ELSEWHERE.has(name))
        .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      line.append(
        time,
        element('span', entry.level, `level level-${entry.level}`),
        element('span', entry.message),
        element('span', fields, 'fields'),
      );
      return line;
    });
  if (lines.length === 0) lines.push(element('li', 'The consumer has logged nothing yet'));
  document.getElementById('log-lines').replaceChildren(...lines);
};

/** GET /health answers 503 naming what is down (Redis, the queue): the status line says so instead of a bare error. */
const checkHealth = async () => {
  const response = await fetch('health', { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `health: HTTP ${response.status}`);
};

// The months come in pages (a dozen months a year: one page in practice); the chart needs them all.
const MONTHS_PAGE = 1000;
const getAllMonths = async () => {
  const months = [];
  let cursor = null;
  do {
    const page = await getJson(`stats/monthly?limit=${MONTHS_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    months.push(...page.months);
    cursor = page.next_cursor;
  } while (cursor);
  return months;
};

const refresh = async () => {
  try {
    await checkHealth();
    const [global, rankings, months, logs] = await Promise.all([
      getJson('stats/global'),
      getJson(`users?limit=${RANKING_SIZE}`),
      getAllMonths(),
      getJson(`consumer_logs?limit=${LOG_LINES}`),
    ]);
    renderTotals(global);
    renderRankings(rankings);
    renderChart(months);
    renderLogs(logs.logs);
    setStatus('live', `Live, updated ${new Date().toLocaleTimeString('en-GB')}`);
  } catch (error) {
    setStatus('error', `${error.message}; retrying every ${REFRESH_MS / 1000} s`);
  } finally {
    // One request round at a time: the next starts only after this one finished.
    setTimeout(refresh, REFRESH_MS);
  }
};

refresh();
