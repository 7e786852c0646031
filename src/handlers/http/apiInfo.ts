import { getConfig } from '../../lib/config/config';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';

export const ENDPOINTS = [
  { method: 'GET', path: '/api', description: 'This service and its endpoints' },
  { method: 'POST', path: '/produce', description: 'Send random orders to the queue: {"count": 1-10000, "seed"?: int}' },
  { method: 'GET', path: '/consumer_logs', description: 'Latest consumer log entries (?limit=1-1000, default 100)' },
  { method: 'DELETE', path: '/clear_redis_db', description: "Delete this service's data (header x-admin-token)" },
  { method: 'GET', path: '/users', description: 'User rankings by total spend and order count (?limit=1-1000)' },
  { method: 'GET', path: '/users/{user_id}/stats', description: "One user's statistics" },
  { method: 'GET', path: '/stats/global', description: 'Totals across all orders' },
  { method: 'GET', path: '/stats/monthly/{month}', description: 'Totals and per-user figures for a month (YYYY-MM)' },
  { method: 'GET', path: '/dlq', description: 'Dead-letter queue: message count and a peek at up to 10 (?limit=1-10)' },
  { method: 'POST', path: '/dlq/redrive', description: 'Move the dead-letter queue back to the orders queue (header x-admin-token)' },
] as const;

const showApiInfo = async () =>
  jsonResponse(200, { service: getConfig().SERVICE_NAME, endpoints: ENDPOINTS });

export const handler = httpRoute(showApiInfo);
