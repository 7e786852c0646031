import type middy from '@middy/core';
import type { InvocationTrace } from './invocationTrace';
import { parseTraceHeader } from './traceHeader';

/**
 * Opens the invocation's subsegment under the trace Lambda passes in `_X_AMZN_TRACE_ID` (set anew for each invocation,
 * so it is read here, not from the configuration) and sends it once the invocation is done, also when it failed.
 */
export const traceInvocation = (trace: () => InvocationTrace, name: string): middy.MiddlewareObj => {
  const traceInvocationBefore = async () => {
    trace().begin(name, parseTraceHeader(process.env._X_AMZN_TRACE_ID));
  };
  const traceInvocationAfter = async () => {
    await trace().end();
  };
  return { before: traceInvocationBefore, after: traceInvocationAfter, onError: traceInvocationAfter };
};
