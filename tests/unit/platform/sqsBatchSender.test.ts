import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSqsBatchSender, SqsRequestError } from '../../../src/platform/sqs/sqsBatchSender';

type Seen = { headers: IncomingMessage['headers']; body: string };
type Answer = (request: Seen) => { status: number; body: unknown };

const md5 = (body: string) => createHash('md5').update(body, 'utf8').digest('hex');

/** A local stand-in for SQS's JSON endpoint that records what it is sent and answers with `answer`. */
const withServer = async (answer: Answer, use: (queueUrl: string, seen: Seen[]) => Promise<void>) => {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(received);
      const { status, body } = answer(received);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await use(`http://127.0.0.1:${port}/000000000000/orders`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
};

const sender = () =>
  createSqsBatchSender({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
    maxSockets: 2,
  });

const entries = [
  { Id: '0', MessageBody: '{"order_id":"ORD1","note":"é"}' },
  { Id: '1', MessageBody: '{"order_id":"ORD2"}' },
];

describe('createSqsBatchSender', () => {
  test('posts one signed SendMessageBatch to the queue URL’s host and answers what SQS queued and refused', async () => {
    await withServer(
      ({ body }) => {
        const request = JSON.parse(body) as { Entries: { Id: string; MessageBody: string }[] };
        const [first, second] = request.Entries;
        return {
          status: 200,
          body: {
            Successful: [{ Id: first?.Id, MessageId: 'm-0', MD5OfMessageBody: md5(first?.MessageBody ?? '') }],
            Failed: [{ Id: second?.Id, Code: 'Throttled', Message: 'slow down', SenderFault: false }],
          },
        };
      },
      async (queueUrl, seen) => {
        const sqs = sender();
        try {
          const result = await sqs.sendMessageBatch(queueUrl, entries);
          expect(result.Successful).toEqual([
            { Id: '0', MessageId: 'm-0', MD5OfMessageBody: md5(entries[0]?.MessageBody ?? '') },
          ]);
          expect(result.Failed).toEqual([{ Id: '1', Code: 'Throttled', Message: 'slow down', SenderFault: false }]);
        } finally {
          sqs.destroy();
        }
        const [request] = seen;
        expect(JSON.parse(request?.body ?? '')).toEqual({ QueueUrl: queueUrl, Entries: entries });
        expect(request?.headers['x-amz-target']).toBe('AmazonSQS.SendMessageBatch');
        expect(request?.headers['content-type']).toBe('application/x-amz-json-1.0');
        expect(request?.headers['x-amz-security-token']).toBe('token');
        expect(request?.headers.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sqs\/aws4_request, SignedHeaders=.*host.*x-amz-target.*, Signature=[0-9a-f]{64}$/,
        );
        expect(Number(request?.headers['content-length'])).toBe(Buffer.byteLength(request?.body ?? ''));
      },
    );
  });

  test('fails the whole call when a queued body does not match the MD5 SQS computed of it, as the SDK does', async () => {
    await withServer(
      () => ({
        status: 200,
        body: { Successful: entries.map(({ Id }) => ({ Id, MessageId: `m-${Id}`, MD5OfMessageBody: md5('something else') })) },
      }),
      async (queueUrl) => {
        const sqs = sender();
        try {
          await expect(sqs.sendMessageBatch(queueUrl, entries)).rejects.toThrow('Invalid MD5 checksum on messages: m-0, m-1');
        } finally {
          sqs.destroy();
        }
      },
    );
  });

  test('an error answer throws an error named after its type, with its message and status', async () => {
    await withServer(
      () => ({
        status: 400,
        body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
      }),
      async (queueUrl) => {
        const sqs = sender();
        try {
          const error = await sqs.sendMessageBatch(queueUrl, entries).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(SqsRequestError);
          expect(error).toMatchObject({
            name: 'QueueDoesNotExist',
            message: 'The specified queue does not exist.',
            statusCode: 400,
          });
        } finally {
          sqs.destroy();
        }
      },
    );
  });
});
