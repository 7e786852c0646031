import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { TraceHeader } from './traceHeader';

export type Annotation = string | number | boolean;

/** What one invocation adds to its X-Ray trace: a subsegment with searchable annotations and its Redis calls. */
export type SubsegmentDocument = {
  name: string;
  id: string;
  trace_id: string;
  parent_id: string;
  type: 'subsegment';
  start_time: number;
  end_time: number;
  annotations: Record<string, Annotation>;
  subsegments: { name: string; id: string; start_time: number; end_time: number; namespace: 'remote' }[];
};

const segmentId = () => randomBytes(8).toString('hex');
const epochSeconds = () => Date.now() / 1000;
/** The daemon's protocol: a header line, then the document, in one datagram. */
const DAEMON_HEADER = '{"format":"json","version":1}\n';

/**
 * The invocation's own subsegment of the trace Lambda started (tracing Active), sent to the X-Ray daemon as the X-Ray
 * SDK does, without the SDK and its context tracking in the bundle. Annotations (batch size, orders recorded, time spent
 * in Redis) are what `annotation.redis_ms > 100` finds in the X-Ray console. Nothing is sent when the invocation is
 * not sampled or no daemon is configured (the emulators, the tests).
 */
export class InvocationTrace {
  private current: SubsegmentDocument | undefined;
  private socket: Socket | undefined;

  constructor(private readonly daemon: { host: string; port: number } | undefined) {}

  begin(name: string, header: TraceHeader | undefined): void {
    this.current =
      header?.sampled && this.daemon
        ? {
            name,
            id: segmentId(),
            trace_id: header.traceId,
            parent_id: header.parentId,
            type: 'subsegment',
            start_time: epochSeconds(),
            end_time: 0,
            annotations: {},
            subsegments: [],
          }
        : undefined;
  }

  annotate(annotations: Record<string, Annotation>): void {
    if (this.current) Object.assign(this.current.annotations, annotations);
  }

  /** Runs `call`, recording it as a subsegment named `name` and adding its time to the `<name>_ms` annotation. */
  async time<T>(name: string, call: () => Promise<T>): Promise<T> {
    const trace = this.current;
    if (!trace) return call();
    const start = epochSeconds();
    try {
      return await call();
    } finally {
      const end = epochSeconds();
      trace.subsegments.push({ name, id: segmentId(), start_time: start, end_time: end, namespace: 'remote' });
      const key = `${name}_ms`;
      trace.annotations[key] = Math.round(((Number(trace.annotations[key]) || 0) + (end - start) * 1000) * 10) / 10;
    }
  }

  /** Closes the subsegment and sends it; a lost datagram costs a trace detail, never the invocation. */
  async end(): Promise<SubsegmentDocument | undefined> {
    const trace = this.current;
    this.current = undefined;
    if (!trace || !this.daemon) return undefined;
    trace.end_time = epochSeconds();
    this.socket ??= createSocket('udp4').unref();
    const { host, port } = this.daemon;
    const socket = this.socket;
    await new Promise<void>((resolve) => socket.send(`${DAEMON_HEADER}${JSON.stringify(trace)}`, port, host, () => resolve()));
    return trace;
  }
}
