import type { CliConfig } from '../config/config';
import { NodeSha256 } from '../platform/signing/nodeSha256';

/** One request as sent; the credentials are the headers it must carry besides its own. */
export type OutgoingRequest = { method: string; url: URL; headers: Record<string, string>; body?: string };
export type RequestCredentials = (request: OutgoingRequest) => Promise<Record<string, string>>;

/** The SigV4 headers of a request to API Gateway (service execute-api), signed with the default AWS credentials. */
const signSigV4 = async (request: OutgoingRequest, region: string): Promise<Record<string, string>> => {
  // Loaded only by a stage with IAM authorization: the signer and the credential chain are most of the CLI's start.
  const [{ SignatureV4 }, { defaultProvider }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-sdk/credential-provider-node'),
  ]);
  const signer = new SignatureV4({ service: 'execute-api', region, credentials: defaultProvider(), sha256: NodeSha256 });
  const { url } = request;
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { host: url.host, ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return signed.headers;
};

/**
 * What an AWS stage asks of a client besides the route's own headers: the API key (SQS_ORDERS_API_KEY) and the
 * stage's authorizer, a bearer token (SQS_ORDERS_BEARER_TOKEN) or a SigV4 signature (SQS_ORDERS_SIGV4=true). The
 * local stage asks for none, so with none set the CLI sends none.
 */
export const requestCredentials = (config: CliConfig): RequestCredentials => {
  const fixed: Record<string, string> = {
    ...(config.SQS_ORDERS_API_KEY ? { 'x-api-key': config.SQS_ORDERS_API_KEY } : {}),
    ...(config.SQS_ORDERS_BEARER_TOKEN ? { authorization: `Bearer ${config.SQS_ORDERS_BEARER_TOKEN}` } : {}),
  };
  if (!config.SQS_ORDERS_SIGV4) return async () => fixed;
  return async (request) => ({
    ...(await signSigV4({ ...request, headers: { ...request.headers, ...fixed } }, config.AWS_REGION)),
    ...fixed,
  });
};
