import type { ReliabilityStack } from './reliabilityStack';

/** One call of the CloudWatch Logs JSON API; the emulator does not check signatures, so no SDK client is needed. */
const logsApi = async <T>(stack: ReliabilityStack, action: string, body: unknown): Promise<T> => {
  const response = await fetch(`${stack.emulatorUrl}/`, {
    method: 'POST',
    headers: { 'x-amz-target': `Logs_20140328.${action}`, 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`CloudWatch Logs ${action} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

/** Every line every function of the stack has written (the emulator keeps them in CloudWatch Logs, as AWS does). */
export const functionLogs = async (stack: ReliabilityStack): Promise<string[]> => {
  const { logGroups = [] } = await logsApi<{ logGroups?: { logGroupName: string }[] }>(stack, 'DescribeLogGroups', {
    logGroupNamePrefix: '/aws/lambda/sqs-orders-local-',
  });
  const messages: string[] = [];
  for (const { logGroupName } of logGroups) {
    let nextToken: string | undefined;
    do {
      const page: { events?: { message: string }[]; nextToken?: string } = await logsApi(stack, 'FilterLogEvents', {
        logGroupName,
        ...(nextToken ? { nextToken } : {}),
      });
      messages.push(...(page.events ?? []).map((event) => event.message));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return messages;
};
