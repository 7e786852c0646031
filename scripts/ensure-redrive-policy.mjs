// Some MiniStack versions create AWS::SQS::Queue without its RedrivePolicy. After every deploy this checks the
// queue against serverless.yml's policy and sets it when it is missing or different. Exits non-zero on failure.
import { GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

const [stage = 'local', port = '4566'] = process.argv.slice(2);
const MAX_RECEIVE_COUNT = 5;
const sqs = new SQSClient({ endpoint: `http://127.0.0.1:${port}`, region: process.env.AWS_REGION ?? 'us-east-1' });

const queueUrl = async (name) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
const attributes = async (url, names) =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names }))).Attributes ?? {};

const ordersUrl = await queueUrl(`sqs-orders-${stage}-orders`);
const dlqUrl = await queueUrl(`sqs-orders-${stage}-orders-dlq`);
const { QueueArn: dlqArn } = await attributes(dlqUrl, ['QueueArn']);
const { RedrivePolicy: current } = await attributes(ordersUrl, ['RedrivePolicy']);
const policy = current ? JSON.parse(current) : undefined;

if (policy?.deadLetterTargetArn === dlqArn && Number(policy?.maxReceiveCount) === MAX_RECEIVE_COUNT) {
  console.log(`RedrivePolicy verified: ${dlqArn}, maxReceiveCount ${MAX_RECEIVE_COUNT}`);
} else {
  const wanted = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: MAX_RECEIVE_COUNT });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: ordersUrl, Attributes: { RedrivePolicy: wanted } }));
  const { RedrivePolicy: after } = await attributes(ordersUrl, ['RedrivePolicy']);
  if (JSON.parse(after ?? '{}').deadLetterTargetArn !== dlqArn) {
    console.error('RedrivePolicy could not be set on the orders queue');
    process.exit(1);
  }
  console.log(`RedrivePolicy was ${current ? 'different' : 'missing'} after deploy; set it to ${wanted}`);
}
