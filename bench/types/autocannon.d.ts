// The part of autocannon's programmatic API the serving benchmark uses (the package ships no types).
declare module 'autocannon' {
  export type AutocannonOptions = {
    url: string;
    connections?: number;
    /** seconds */
    duration?: number;
    /** seconds */
    timeout?: number;
  };
  /** Latencies in milliseconds; autocannon adds more percentiles than listed here. */
  export type LatencyResult = {
    average: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  };
  export type AutocannonResult = {
    latency: LatencyResult;
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    /** seconds */
    duration: number;
  };
  const autocannon: (options: AutocannonOptions) => Promise<AutocannonResult>;
  export default autocannon;
}
