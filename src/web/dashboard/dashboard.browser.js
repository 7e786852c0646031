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
// The chart is drawn at the width it is shown at, one unit a CSS pixel, so its labels keep their size on a phone.
const CHART = { height: 300, left: 64, right: 12, panelHeight: 96, revenueTop: 28, ordersTop: 164 };
const MIN_BAR_PX = 2;
// A month label ("2026-11") is about 50 px wide at the axis' 12 px: labels are at least this far apart.
const MONTH_LABEL_PX = 64;
// A figure shrinks to this share of its size before it is abbreviated (the exact value stays in its title).
const FIGURE_MIN_SCALE = 0.6;

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const compactFigure = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
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

/**
 * A figure is never broken inside its number: on one line, it shrinks to fit its card, and past the smallest size it
 * is abbreviated ("4.63B"), the exact value in its title (shown on hover).
 */
const fitFigure = (node) => {
  node.style.fontSize = '';
  node.textContent = node.title;
  const fullSize = Number.parseFloat(getComputedStyle(node).fontSize);
  let size = fullSize;
  while (node.scrollWidth > node.clientWidth && size > fullSize * FIGURE_MIN_SCALE) {
    size = Math.max(fullSize * FIGURE_MIN_SCALE, size * 0.9);
    node.style.fontSize = `${size}px`;
  }
  if (node.scrollWidth > node.clientWidth) node.textContent = node.dataset.short;
};

const showFigure = (id, exact, short) => {
  const node = document.getElementById(id);
  node.title = exact;
  node.dataset.short = short;
  fitFigure(node);
};

const renderTotals = ({ total_orders, total_revenue, failed_orders }) => {
  showFigure('total-orders', integer.format(total_orders), compactFigure.format(total_orders));
  showFigure('total-revenue', money.format(total_revenue), compactFigure.format(total_revenue));
  showFigure('failed-orders', integer.format(failed_orders), compactFigure.format(failed_orders));
  const all = total_orders + failed_orders;
  const rate = all === 0 ? '–' : percent.format(failed_orders / all);
  showFigure('failure-rate', rate, rate);
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
const panel = (nodes, { width, top, title, max, whole }) => {
  const ticks = roundTicks(max, { whole });
  const scaleTop = ticks.at(-1);
  const baseline = top + CHART.panelHeight;
  const height = (value) => (value <= 0 ? 0 : Math.max(MIN_BAR_PX, (value / scaleTop) * CHART.panelHeight));
  nodes.push(svg('text', { x: CHART.left, y: top - 12, class: 'axis-title' }, title));
  for (const tick of ticks) {
    const y = baseline - (tick / scaleTop) * CHART.panelHeight;
    nodes.push(svg('line', { x1: CHART.left, x2: width - CHART.right, y1: y, y2: y, class: 'grid' }));
    nodes.push(svg('text', { x: CHART.left - 8, y: y + 4, 'text-anchor': 'end', class: 'axis y-tick' }, compact.format(tick)));
  }
  return { baseline, height };
};

/** Revenue and orders by month on a time axis: every month of the range has its place, months without orders are gaps. */
const renderChart = (allMonths) => {
  const chart = document.getElementById('monthly-chart');
  const width = Math.round(chart.getBoundingClientRect().width) || 760;
  chart.setAttribute('viewBox', `0 0 ${width} ${CHART.height}`);
  const nodes = [];
  if (allMonths.length === 0) {
    nodes.push(svg('text', { x: width / 2, y: CHART.height / 2, 'text-anchor': 'middle', class: 'empty' }, 'No orders yet'));
    chart.replaceChildren(...nodes);
    return;
  }
  const last = Math.max(...allMonths.map((month) => monthIndex(month.month)));
  const first = Math.max(Math.min(...allMonths.map((month) => monthIndex(month.month))), last - MONTHS_SHOWN + 1);
  const months = allMonths.filter((month) => monthIndex(month.month) >= first && monthIndex(month.month) <= last);
  const slots = last - first + 1;
  const plotWidth = width - CHART.left - CHART.right;
  const slotWidth = plotWidth / slots;
  const barWidth = Math.max(2, Math.min(36, slotWidth * 0.6));
  const revenue = panel(nodes, {
    width,
    top: CHART.revenueTop,
    title: 'Revenue (currency units)',
    max: Math.max(...months.map((month) => month.total_revenue)),
  });
  const orders = panel(nodes, {
    width,
    top: CHART.ordersTop,
    title: 'Orders (count)',
    max: Math.max(...months.map((month) => month.total_orders + month.failed_orders)),
    whole: true,
  });
  // A label every month when they fit, else every 3rd, 6th or 12th month, always on a quarter's first month.
  const fitting = Math.max(1, Math.floor(plotWidth / MONTH_LABEL_PX));
  const labelEvery = [1, 3, 6, 12, 24].find((every) => Math.ceil(slots / every) <= fitting) ?? 24;
  for (let index = first; index <= last; index += 1) {
    if (slots > 1 && labelEvery > 1 && index % labelEvery !== 0) continue;
    // Kept inside the chart: the newest month's label would reach past its right edge on a narrow screen.
    const center = Math.min(CHART.left + slotWidth * (index - first + 0.5), width - MONTH_LABEL_PX / 2);
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
    shownMonths = months;
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

// The chart is drawn for its width and a figure sized for its card: both follow the window.
let shownMonths;
window.addEventListener('resize', () => {
  for (const node of document.querySelectorAll('.totals output[title]')) fitFigure(node);
  if (shownMonths) renderChart(shownMonths);
});

refresh();
