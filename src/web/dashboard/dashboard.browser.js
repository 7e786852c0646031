// The dashboard polls the service's own JSON routes. Their URLs are relative, so they resolve next to this page
// under API Gateway's stage prefix. Everything is written with textContent: user ids and log lines come from
// orders anyone may send, and must never be read as HTML.
// biome-ignore lint/suspicious/noRedundantUseStrict: a classic browser script, not a module, so strict mode is not implied
'use strict';

const REFRESH_MS = 3000;
const RANKING_SIZE = 5;
const LOG_LINES = 15;
const MONTHS_SHOWN = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART = { width: 760, height: 280, left: 64, right: 56, top: 24, bottom: 40 };

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

const getJson = async (path) => {
  const response = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${path}: ${body.error ?? `HTTP ${response.status}`}`);
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

/** Revenue (left scale) beside valid + failed orders stacked (right scale), one group per month. */
const renderChart = (allMonths) => {
  const chart = document.getElementById('monthly-chart');
  const months = allMonths.slice(-MONTHS_SHOWN);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotHeight;
  const nodes = [];
  if (months.length === 0) {
    nodes.push(
      svg('text', { x: CHART.width / 2, y: CHART.height / 2, 'text-anchor': 'middle', class: 'empty' }, 'No orders yet'),
    );
    chart.replaceChildren(...nodes);
    return;
  }
  const maxRevenue = Math.max(...months.map((month) => month.total_revenue), 1);
  const maxOrders = Math.max(...months.map((month) => month.total_orders + month.failed_orders), 1);
  for (const share of [0, 0.5, 1]) {
    const y = baseline - share * plotHeight;
    nodes.push(svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y, y2: y, class: 'grid' }));
    nodes.push(
      svg('text', { x: CHART.left - 8, y: y + 4, 'text-anchor': 'end', class: 'axis' }, compact.format(maxRevenue * share)),
    );
    nodes.push(svg('text', { x: CHART.width - CHART.right + 8, y: y + 4, class: 'axis' }, compact.format(maxOrders * share)));
  }
  const groupWidth = plotWidth / months.length;
  const barWidth = Math.min(30, groupWidth * 0.32);
  months.forEach((month, index) => {
    const center = CHART.left + groupWidth * (index + 0.5);
    const group = svg('g', { 'data-month': month.month });
    const all = month.total_orders + month.failed_orders;
    group.append(
      svg(
        'title',
        {},
        `${month.month}: revenue ${money.format(month.total_revenue)}, ` +
          `${integer.format(month.total_orders)} valid and ${integer.format(month.failed_orders)} failed orders`,
      ),
    );
    const revenueHeight = (month.total_revenue / maxRevenue) * plotHeight;
    const validHeight = (month.total_orders / maxOrders) * plotHeight;
    const failedHeight = (month.failed_orders / maxOrders) * plotHeight;
    const revenueX = center - barWidth - 2;
    const ordersX = center + 2;
    group.append(
      svg('rect', { x: revenueX, y: baseline - revenueHeight, width: barWidth, height: revenueHeight, class: 'revenue' }),
      svg('rect', { x: ordersX, y: baseline - validHeight, width: barWidth, height: validHeight, class: 'valid' }),
      svg('rect', {
        x: ordersX,
        y: baseline - validHeight - failedHeight,
        width: barWidth,
        height: failedHeight,
        class: 'failed',
      }),
      svg(
        'text',
        { x: revenueX + barWidth / 2, y: baseline - revenueHeight - 5, 'text-anchor': 'middle', class: 'label' },
        compact.format(month.total_revenue),
      ),
      svg(
        'text',
        { x: ordersX + barWidth / 2, y: baseline - validHeight - failedHeight - 5, 'text-anchor': 'middle', class: 'label' },
        compact.format(all),
      ),
      svg('text', { x: center, y: baseline + 18, 'text-anchor': 'middle', class: 'axis' }, month.month),
    );
    nodes.push(group);
  });
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
    setStatus('error', `Cannot reach the API (${error.message}); retrying every ${REFRESH_MS / 1000} s`);
  } finally {
    // One request round at a time: the next starts only after this one finished.
    setTimeout(refresh, REFRESH_MS);
  }
};

refresh();
