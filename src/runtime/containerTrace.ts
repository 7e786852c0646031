import { InvocationTrace } from '../platform/tracing/invocationTrace';
import { parseDaemonAddress } from '../platform/tracing/daemonAddress';
import { containerConfig } from './containerConfig';

let trace: InvocationTrace | undefined;

/** Lambda's X-Ray daemon, if any. A configuration error is the function's own to report; its trace goes without. */
const daemonAddress = () => {
  try {
    return parseDaemonAddress(containerConfig().AWS_XRAY_DAEMON_ADDRESS);
  } catch {
    return undefined;
  }
};

/** The container's one trace writer, sending to Lambda's X-Ray daemon when there is one. */
export const containerTrace = (): InvocationTrace => {
  trace ??= new InvocationTrace(daemonAddress());
  return trace;
};
