import { createHash } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../signing/nodeSha256';

type BatchEntry = { Id: string; MessageBody: string };
type SentEntry = { Id?: string; MessageId?: string; MD5OfMessageBody?: string };
type FailedEntry = { Id?: string; Code?: string; Message?: string; SenderFault?: boolean };

/** An SQS error answer (AWS JSON 1.0): its type names the error, as the SDK's error names do. */
export class SqsRequestError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

type SqsSenderOptions = {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The calls in flight at most; more wait for a free connection. */
  maxSockets: number;
};

/** The credentials the Lambda runtime (and the emulators) put in the environment, as the SDK's env provider reads them. */
export const environmentCredentials = (env: NodeJS.ProcessEnv = process.env): SqsSenderOptions['credentials'] => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to send to SQS');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
};

const md5Hex = (body: string): string => createHash('md5').update(body, 'utf8').digest('hex');

const readBody = (response: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });

type SqsAnswer = { Successful?: SentEntry[]; Failed?: FailedEntry[]; __type?: string; message?: string };

/**
 * SendMessageBatch over SQS's JSON protocol with node:http and a SigV4 signature, without the SDK's client: the SDK's
 * per-call middleware, serialiser and bundle were most of POST /produce's CPU at Lambda's share (bench/report/method.md).
 * Like the SDK it posts to the queue URL's host, and checks every queued body against the MD5 SQS computed of it.
 */
export type SqsBatchSender = {
  sendMessageBatch(queueUrl: string, entries: readonly BatchEntry[]): Promise<{ Successful: SentEntry[]; Failed: FailedEntry[] }>;
  /** Closes the kept-alive connections, so a local invocation's process can exit. */
  destroy(): void;
};

export const createSqsBatchSender = ({ region, credentials, maxSockets }: SqsSenderOptions): SqsBatchSender => {
  const signer = new SignatureV4({ service: 'sqs', region, credentials, sha256: NodeSha256 });
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets }),
  };

  // Encoded once: the signature's hash, the length and the socket all take the same bytes.
  const post = async (url: URL, json: string): Promise<{ statusCode: number; text: string }> => {
    const body = Buffer.from(json, 'utf8');
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonSQS.SendMessageBatch',
        'x-amzn-query-mode': 'true',
        'content-length': String(body.length),
      },
      body,
    });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        {
          method: 'POST',
          host: url.hostname,
          port: url.port || undefined,
          path: '/',
          headers: signed.headers,
          agent: agents[url.protocol as keyof typeof agents],
        },
        (response) => {
          readBody(response).then((text) => resolve({ statusCode: response.statusCode ?? 0, text }), reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };

  return {
    destroy: () => {
      for (const agent of Object.values(agents)) agent.destroy();
    },
    async sendMessageBatch(queueUrl, entries) {
      const url = new URL(queueUrl);
      const { statusCode, text } = await post(url, JSON.stringify({ QueueUrl: queueUrl, Entries: entries }));
      const answer = (text === '' ? {} : JSON.parse(text)) as SqsAnswer;
      if (statusCode < 200 || statusCode >= 300) {
        const type = answer.__type?.split('#').pop() ?? `HTTP${statusCode}`;
        throw new SqsRequestError(type, answer.message ?? text, statusCode);
      }
      const bodies = new Map(entries.map((entry) => [entry.Id, entry.MessageBody]));
      const corrupted = (answer.Successful ?? []).filter(
        (entry) => entry.Id === undefined || md5Hex(bodies.get(entry.Id) ?? '') !== entry.MD5OfMessageBody,
      );
      // As the SDK's check does, the whole call fails: its bodies count as not sent.
      if (corrupted.length > 0) {
        throw new Error(`Invalid MD5 checksum on messages: ${corrupted.map((entry) => entry.MessageId).join(', ')}`);
      }
      return { Successful: answer.Successful ?? [], Failed: answer.Failed ?? [] };
    },
  };
};
