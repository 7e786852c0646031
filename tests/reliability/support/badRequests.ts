import { SeededRandom } from '../../../src/lib/orders/seededRandom';

export type GeneratedRequest = { method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array };

const json = { 'content-type': 'application/json' };
const ROUTE_BODY_LIMIT = 64 * 1024;

/** Path segments that must never reach a Redis key name: separators, wildcards, encodings, control bytes, unicode. */
const USER_ID_TRICKS = [
  '..%2F..%2Fstats%2Fglobal',
  '%2e%2e',
  '..',
  '.',
  '%00',
  'U1001%00',
  'U1001%00x',
  'U1001:x',
  'U1001:*',
  '*',
  'U*',
  '%2A',
  'U%2A',
  'U1001%20',
  '%20U1001',
  'U1001%0d%0aFLUSHALL',
  'U1001%0aDEL%20x',
  "U1001'",
  'U1001%22',
  'U1001%5C',
  'U%E2%80%AE1001',
  'U%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%91',
  '%F0%9F%92%A5',
  'U1001%F0%9F%92%A5',
  '%C0%AF',
  'U1001%2Fstats',
  'U1001%3Fx=1',
  'U1001%23',
  'U-1',
  'u1001',
  'X1001',
  `U${'a'.repeat(64)}`,
  `U${'9'.repeat(2_000)}`,
  '{user_id}',
  '%7Buser_id%7D',
  'U1001;DROP',
  'U1001%7C',
  'U1001%09',
  'processed:x',
  'U1001@x',
  'U1001.',
];

const MONTH_TRICKS = [
  '2025-13',
  '2025-00',
  '2025-1',
  '25-12',
  '2025-12-01',
  '9999-99',
  '0000-00',
  '-2025-01',
  '2025-01%00',
  '2025-01%2F..',
  '..%2F2025-01',
  '2025-01:x',
  '2025-*',
  '*',
  '%2A',
  'latest',
  '2025%E2%80%9001',
  '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95-01',
  '2025-01%20',
  '%202025-01',
  '2025-01%0a',
  '2025_01',
  '202501',
  `2025-01${'1'.repeat(3_000)}`,
  '1e3-01',
  '2025-0x1',
];

const NUMBER_TRICKS = [
  '0',
  '-1',
  '-0',
  '1001',
  '99999999999999999999',
  '1e3',
  '1e400',
  '2.5',
  '10.0',
  '0x10',
  '0b11',
  '+5',
  ' 5',
  '5 ',
  '%205',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'true',
  '[1]',
  '%D9%A1%D9%A0',
  '%EF%BC%95',
  '5%00',
  '5;DROP',
  '5abc',
  '9'.repeat(400),
  '1_000',
  '٥',
];

const order = (fields: Record<string, unknown>) =>
  JSON.stringify({
    order_id: 'ORD1',
    user_id: 'U1001',
    order_timestamp: '2026-01-10T12:00:00Z',
    order_value: 1,
    items: [{ product_id: 'P1', quantity: 1, price_per_unit: 1 }],
    ...fields,
  });

/** Shape errors only: a well-formed order would be queued and change the statistics, which this scenario forbids. */
const ORDER_BODIES: (string | (() => string))[] = [
  order({ items: undefined }),
  order({ items: [] }),
  order({ items: 'none' }),
  order({ order_value: '1' }),
  order({ order_value: 1.005 }),
  // biome-ignore lint/correctness/noPrecisionLoss: a literal beyond a double on purpose: it reads as Infinity
  order({ order_value: 1e400 }),
  order({ order_timestamp: 'yesterday' }),
  order({ order_id: 5 }),
  order({ user_id: null }),
  order({ items: [{ product_id: 'P1', quantity: 1.5, price_per_unit: 1 }] }),
  order({ items: [{ product_id: 'P1', quantity: '1', price_per_unit: 1 }] }),
  `[${order({ order_id: 7 })}]`,
  () => `[${Array.from({ length: 501 }, () => order({})).join(',')}]`,
  '[]',
  '{}',
  'null',
  '[null]',
  '[[]]',
];

const ASSET_TRICKS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  'swagger-ui.css%00',
  'SWAGGER-UI.CSS',
  'dashboard.js.map',
  '.env',
  'index.html',
  '%F0%9F%92%A5',
  'a'.repeat(3_000),
];

const PRODUCE_BODIES: (string | (() => string))[] = [
  '{"count": ',
  '{"count": 5',
  '{count: 5}',
  "{'count': 5}",
  '{"count": 5,}',
  'count=5',
  '[]',
  '[{"count": 5}]',
  'null',
  'true',
  '"5"',
  '5',
  '{"count": 0}',
  '{"count": -1}',
  '{"count": -0.5}',
  '{"count": 2.5}',
  '{"count": 1e400}',
  '{"count": 1e21}',
  '{"count": 9007199254740993}',
  '{"count": 10001}',
  '{"count": "10"}',
  '{"count": null}',
  '{"count": true}',
  '{"count": [5]}',
  '{"count": {"n": 5}}',
  '{"count": 5, "extra": 1}',
  '{"count": 5, "seed": -1}',
  '{"count": 5, "seed": 1.5}',
  '{"count": 5, "seed": 4294967296}',
  '{"count": 5, "seed": "1"}',
  '{"__proto__": {"count": 5}}',
  '{"count": 5, "__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {}}}',
  '{"count": 5, "count": "x"}',
  '{"cöunt": 5}',
  '{"count": 5}\u0000',
  '\ufeff{"count": 5, "x": 1}',
  '{"count": NaN}',
  '{"count": Infinity}',
  () => `{"count": 5, "pad": "${'x'.repeat(ROUTE_BODY_LIMIT)}"}`,
  () => `[${Array.from({ length: 20_000 }, () => '1').join(',')}]`,
  () => `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
];

const ADMIN_ROUTES = [
  { method: 'DELETE', path: '/clear_redis_db' },
  { method: 'POST', path: '/dlq/redrive' },
] as const;

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  'json',
  '',
];

const TOKEN_TRICKS = (token: string): (Record<string, string> | undefined)[] => [
  undefined,
  { 'x-admin-token': '' },
  { 'x-admin-token': ' ' },
  { 'x-admin-token': 'local-admin' },
  { 'x-admin-token': token.slice(0, -1) },
  { 'x-admin-token': `${token}x` },
  { 'x-admin-token': token.toUpperCase() },
  { 'x-admin-token': `${token.slice(0, 8)}${'0'.repeat(token.length - 8)}` },
  { 'x-admin-token': 'a'.repeat(8_000) },
  { 'x-admin-token': `${token.slice(0, -1)}\u00e9` },
  { authorization: 'Bearer local-admin' },
  { 'x-admin-tokens': 'local-admin' },
];

/**
 * A deterministic mix of at least `count` requests that must all be refused (or, for reads, answered) without a 5xx
 * and without changing anything: every trick once, then random combinations. `realToken` is only used to build
 * near-misses of it; the real token is never sent.
 */
export const generateBadRequests = (seed: number, count: number, realToken: string): GeneratedRequest[] => {
  const random = new SeededRandom(seed);
  const bodyOf = (body: string | (() => string)) => (typeof body === 'function' ? body() : body);
  const tokens = TOKEN_TRICKS(realToken);

  const fixed: GeneratedRequest[] = [
    ...USER_ID_TRICKS.map((id) => ({ method: 'GET', path: `/users/${id}/stats` })),
    ...MONTH_TRICKS.map((month) => ({ method: 'GET', path: `/stats/monthly/${month}` })),
    ...NUMBER_TRICKS.flatMap((n) =>
      ['/users', '/consumer_logs', '/dlq'].map((route) => ({ method: 'GET', path: `${route}?limit=${n}` })),
    ),
    ...PRODUCE_BODIES.map((body) => ({ method: 'POST', path: '/produce', headers: json, body: bodyOf(body) })),
    ...CONTENT_TYPES.map((type) => ({
      method: 'POST',
      path: '/produce',
      headers: type ? { 'content-type': type } : {},
      body: '{"count": 5}',
    })),
    { method: 'POST', path: '/produce', body: new TextEncoder().encode('{"count": 5}') },
    ...tokens.flatMap((headers) => ADMIN_ROUTES.map((route) => ({ ...route, headers }))),
    { method: 'DELETE', path: `/clear_redis_db?x-admin-token=${realToken.slice(0, -1)}` },
    { method: 'POST', path: '/dlq/redrive', headers: json, body: JSON.stringify({ 'x-admin-token': 'local-admin' }) },
    ...['/stats/global', '/api', '/users', '/dlq/redrive', '/clear_redis_db', '/consumer_logs'].map((path) => ({
      method: 'POST',
      path,
      headers: json,
      body: `{"pad": "${'y'.repeat(ROUTE_BODY_LIMIT + 1)}"}`,
    })),
    { method: 'DELETE', path: '/clear_redis_db', headers: json, body: 'z'.repeat(ROUTE_BODY_LIMIT * 4) },
    ...[
      '/nope',
      '/users/U1/stats/extra',
      '/stats',
      '/STATS/global',
      '//api',
      '/produce/x',
      '/dlq/redrive/x',
      '/users/a/b/stats',
    ].map((path) => ({ method: 'GET', path })),
    ...['PUT', 'PATCH', 'DELETE'].map((method) => ({ method, path: '/stats/global' })),
    { method: 'GET', path: '/produce' },
    { method: 'GET', path: '/dlq/redrive' },
    { method: 'GET', path: `/api?${'q=%00&'.repeat(200)}` },
    { method: 'GET', path: '/stats/global?limit=-1&__proto__=1' },
  ];

  const randomRequest = (): GeneratedRequest => {
    switch (random.int(0, 8)) {
      case 7:
        return {
          method: 'POST',
          path: '/orders',
          headers: json,
          body: bodyOf(random.pick([...ORDER_BODIES, ...PRODUCE_BODIES])),
        };
      case 8:
        return { method: 'GET', path: `/${random.pick(['docs', 'dashboard'])}/${random.pick(ASSET_TRICKS)}` };
      case 0:
        return { method: 'GET', path: `/users/${random.pick(USER_ID_TRICKS)}${random.pick(['', '%00', 'x', '%2F'])}/stats` };
      case 1:
        return { method: 'GET', path: `/stats/monthly/${random.pick(MONTH_TRICKS)}` };
      case 2:
        return {
          method: 'GET',
          path: `${random.pick(['/users', '/consumer_logs', '/dlq'])}?limit=${random.pick(NUMBER_TRICKS)}&${random.pick(['', 'limit=2', 'x=1', 'limit[]=3'])}`,
        };
      case 3:
        return {
          method: 'POST',
          path: '/produce',
          headers: { 'content-type': random.pick([...CONTENT_TYPES, 'application/json', 'application/json; charset=utf-8']) },
          body: bodyOf(random.pick(PRODUCE_BODIES)),
        };
      case 4:
        return { ...random.pick(ADMIN_ROUTES), headers: random.pick(tokens) };
      case 5:
        return { method: 'GET', path: `/users/U${random.int(0, 2_000)}${random.pick(['', '-', '_x'])}/stats` };
      default:
        return { method: 'GET', path: `/stats/monthly/${random.int(1990, 2100)}-${String(random.int(0, 13)).padStart(2, '0')}` };
    }
  };

  const requests = [...fixed];
  while (requests.length < count) requests.push(randomRequest());
  return requests;
};
