import { InvocationTrace } from '../platform/tracing/invocationTrace';
import { parseDaemonAddress } from '../platform/tracing/daemonAddress';
import { containerConfig } from './containerConfig';

let trace: InvocationTrace | undefined;

/** The container's one trace writer, sending to Lambda's X-Ray daemon when there is one. */
export const containerTrace = (): InvocationTrace => {
  trace ??= new InvocationTrace(parseDaemonAddress(containerConfig().AWS_XRAY_DAEMON_ADDRESS));
  return trace;
};
