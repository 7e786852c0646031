import { createSocket, type Socket } from 'node:dgram';
import { parseDaemonAddress } from '../../../../src/platform/tracing/daemonAddress';
import { InvocationTrace, type SubsegmentDocument } from '../../../../src/platform/tracing/invocationTrace';
import { parseTraceHeader } from '../../../../src/platform/tracing/traceHeader';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
const SAMPLED = parseTraceHeader(`Root=${ROOT};Parent=${PARENT};Sampled=1`);

/** A stand-in for Lambda's X-Ray daemon: a UDP socket on a free port that keeps every datagram. */
let daemon: Socket;
let port: number;
const datagrams: string[] = [];

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => datagrams.push(message.toString('utf8')));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', () => resolve()));
  port = daemon.address().port;
});
afterAll(() => daemon.close());
beforeEach(() => {
  datagrams.length = 0;
});

const received = async (count: number): Promise<string[]> => {
  for (let waited = 0; datagrams.length < count && waited < 2000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [...datagrams];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the trace header and the daemon address', () => {
  test('Lambda’s header gives the trace, the parent and the sampling decision', () => {
    expect(SAMPLED).toEqual({ traceId: ROOT, parentId: PARENT, sampled: true });
    expect(parseTraceHeader(`Root=${ROOT};Parent=${PARENT};Sampled=0`)?.sampled).toBe(false);
    expect(parseTraceHeader(`Root=${ROOT}`)).toBeUndefined();
    expect(parseTraceHeader(undefined)).toBeUndefined();
  });

  test('the daemon address as host:port or as Lambda’s udp/tcp pair', () => {
    expect(parseDaemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(parseDaemonAddress('tcp:127.0.0.1:2000 udp:127.0.0.2:2001')).toEqual({ host: '127.0.0.2', port: 2001 });
    expect(parseDaemonAddress('')).toBeUndefined();
    expect(parseDaemonAddress('nonsense')).toBeUndefined();
  });
});

describe('InvocationTrace', () => {
  test('a sampled invocation sends one subsegment of its trace, with its annotations and the time of each call', async () => {
    const trace = new InvocationTrace({ host: '127.0.0.1', port });
    trace.begin('batch', SAMPLED);
    expect(await trace.time('redis', async () => sleep(20).then(() => 'stored'))).toBe('stored');
    await trace.time('redis', () => sleep(10));
    trace.annotate({ batch_size: 10, orders_recorded: 9 });
    const sent = await trace.end();

    const [datagram] = await received(1);
    const [header, body] = (datagram ?? '').split('\n');
    expect(JSON.parse(header ?? '')).toEqual({ format: 'json', version: 1 });
    const document = JSON.parse(body ?? '') as SubsegmentDocument;
    expect(document).toEqual(sent);
    expect(document).toMatchObject({ name: 'batch', trace_id: ROOT, parent_id: PARENT, type: 'subsegment' });
    expect(document.id).toMatch(/^[0-9a-f]{16}$/);
    expect(document.annotations).toMatchObject({ batch_size: 10, orders_recorded: 9 });
    expect(document.annotations.redis_ms).toBeGreaterThanOrEqual(25);
    expect(document.subsegments.map((call) => call.name)).toEqual(['redis', 'redis']);
    for (const call of document.subsegments) {
      expect(call.start_time).toBeGreaterThanOrEqual(document.start_time);
      expect(call.end_time).toBeLessThanOrEqual(document.end_time);
    }
  });

  test('a failed call is timed too, and its error still reaches the caller', async () => {
    const trace = new InvocationTrace({ host: '127.0.0.1', port });
    trace.begin('batch', SAMPLED);
    await expect(trace.time('redis', () => Promise.reject(new Error('Connection is closed.')))).rejects.toThrow('closed');
    expect((await trace.end())?.subsegments).toHaveLength(1);
    expect(await received(1)).toHaveLength(1);
  });

  test('nothing is sent for an unsampled invocation, or without a daemon', async () => {
    const unsampled = new InvocationTrace({ host: '127.0.0.1', port });
    unsampled.begin('batch', parseTraceHeader(`Root=${ROOT};Parent=${PARENT};Sampled=0`));
    unsampled.annotate({ batch_size: 1 });
    expect(await unsampled.time('redis', async () => 1)).toBe(1);
    expect(await unsampled.end()).toBeUndefined();

    const withoutDaemon = new InvocationTrace(undefined);
    withoutDaemon.begin('batch', SAMPLED);
    expect(await withoutDaemon.end()).toBeUndefined();
    await sleep(50);
    expect(datagrams).toEqual([]);
  });
});
