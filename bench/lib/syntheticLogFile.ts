import { randomUUID } from 'node:crypto';
import { open, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateOrders } from '../../src/lib/orders/generateOrders';
import { toOrderOutcome } from '../../src/lib/consumer/toOrderOutcome';

/** About `bytes` of consumer log lines shaped like the consumer's own (processed and failed orders), whole lines only. */
export const logBlock = (bytes: number): Buffer => {
  const lines: string[] = [];
  let size = 0;
  const timestamp = new Date().toISOString();
  for (const order of generateOrders(Math.ceil(bytes / 150), { seed: 7001 })) {
    const messageId = randomUUID();
    const { outcome, failureReason, defect } = toOrderOutcome(messageId, order);
    const fields = { order_id: order.order_id, user_id: order.user_id, message_id: messageId, month: outcome.month };
    const entry = outcome.valid
      ? { timestamp, level: 'info', message: 'Order processed', ...fields, order_value_cents: outcome.valueCents }
      : { timestamp, level: 'warn', message: `Order failed validation: ${failureReason}`, ...fields, defect };
    const line = `${JSON.stringify(entry)}\n`;
    if (size + line.length > bytes) break;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''), 'utf8');
};

/** Appends `block` until the file holds about `bytes`; refuses when the disk would keep less than 2 GiB free. */
export const growFile = async (path: string, block: Buffer, bytes: number): Promise<void> => {
  const disk = await statfs(dirname(path));
  const free = disk.bavail * disk.bsize;
  if (free - bytes < 2 * 2 ** 30) throw new Error(`not enough free disk for a ${bytes}-byte log under ${dirname(path)}`);
  const file = await open(path, 'a');
  try {
    const { size } = await file.stat();
    for (let written = size; written + block.length <= bytes; written += block.length) await file.write(block);
  } finally {
    await file.close();
  }
};
