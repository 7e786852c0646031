'use strict';
// The Node runtime of one execution environment of the host executor: loads the function's handler, reports ready
// to LocalStack with the port it listens on, then runs LocalStack's invocations one at a time and posts each one's
// logs and result back (the callbacks of LocalStack's ExecutorEndpoint).
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const runtimeId = process.env.LOCALSTACK_RUNTIME_ID;
const callbackBase = new URL(`${process.env.LOCALSTACK_RUNTIME_ENDPOINT}/`);
const agent = new http.Agent({ keepAlive: true });
const timeoutSeconds = Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT || 3);
const memoryMegabytes = process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE || '128';

const post = (relativePath, body) =>
  new Promise((resolve, reject) => {
    const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const request = http.request(
      new URL(relativePath, callbackBase),
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode < 300 ? resolve() : reject(new Error(`${relativePath}: HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(data);
  });

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

const errorPayload = (error) => ({
  errorType: error instanceof Error ? error.name : typeof error,
  errorMessage: error instanceof Error ? error.message : String(error),
  trace: error instanceof Error && error.stack ? error.stack.split('\n') : [],
});

const moduleFile = (base) => ['.js', '.cjs', '.mjs'].map((extension) => base + extension).find((file) => fs.existsSync(file));

const loadHandler = async () => {
  const spec = process.env._HANDLER || '';
  const dot = spec.lastIndexOf('.');
  if (dot <= 0) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler '${spec}': expected file.export`);
  const file = moduleFile(path.resolve(process.env.LAMBDA_TASK_ROOT || '.', spec.slice(0, dot)));
  if (!file) throw new RuntimeError('Runtime.ImportModuleError', `Cannot find module '${spec.slice(0, dot)}'`);
  let loaded;
  try {
    loaded = require(file);
  } catch (error) {
    if (error.code !== 'ERR_REQUIRE_ESM') throw error;
    loaded = await import(pathToFileURL(file).href);
  }
  const name = spec.slice(dot + 1);
  const handler = loaded[name] ?? loaded.default?.[name];
  if (typeof handler !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${spec} is undefined or not exported`);
  return handler;
};

// What the handler writes during an invocation also goes to the invocation's log stream.
let captured = null;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (captured) captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return write(chunk, ...rest);
  };
}

const callHandler = (handler, event, context) =>
  new Promise((resolve, reject) => {
    const callback = (error, value) => (error ? reject(error) : resolve(value));
    Object.assign(context, { done: callback, succeed: resolve, fail: reject });
    const returned = handler(event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
    else if (handler.length < 3) resolve(returned);
  });

const invoke = async (handler, invocation) => {
  const requestId = invocation['invoke-id'];
  const started = performance.now();
  const deadline = Date.now() + timeoutSeconds * 1000;
  process.env._X_AMZN_TRACE_ID = invocation['trace-id'] || '';
  const context = {
    awsRequestId: requestId,
    invokedFunctionArn: invocation['invoked-function-arn'],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: memoryMegabytes,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  captured = [];
  let outcome;
  try {
    const result = await callHandler(handler, JSON.parse(invocation.payload), context);
    outcome = { path: 'response', body: result === undefined ? 'null' : JSON.stringify(result) };
  } catch (error) {
    const payload = errorPayload(error);
    process.stderr.write(`${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(payload)}\n`);
    outcome = { path: 'error', body: JSON.stringify(payload) };
  }
  const milliseconds = performance.now() - started;
  const output = captured.join('');
  captured = null;
  const logs =
    `START RequestId: ${requestId} Version: ${process.env.AWS_LAMBDA_FUNCTION_VERSION}\n${output}` +
    `END RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: ${milliseconds.toFixed(2)} ms\t` +
    `Billed Duration: ${Math.ceil(milliseconds)} ms\tMemory Size: ${memoryMegabytes} MB\t` +
    `Max Memory Used: ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB\n`;
  await post(`invocations/${requestId}/logs`, { logs });
  await post(`invocations/${requestId}/${outcome.path}`, outcome.body);
};

const serve = (handler) => {
  let queue = Promise.resolve();
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/invoke') {
      response.writeHead(404).end();
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(202).end();
      const invocation = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      queue = queue
        .then(() => invoke(handler, invocation))
        .catch((error) => {
          // LocalStack no longer takes results: this environment is of no use any more.
          process.stderr.write(`host runtime: cannot report an invocation to LocalStack: ${error.message}\n`);
          process.exit(1);
        });
    });
  });
  server.listen(0, '127.0.0.1', () => {
    post(`status/${runtimeId}/ready`, { port: server.address().port }).catch((error) => {
      process.stderr.write(`host runtime: LocalStack did not take the ready call: ${error.message}\n`);
      process.exit(1);
    });
  });
};

// A process whose LocalStack has gone (killed without stopping its environments) ends too.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.exit(0);
}, 1000).unref();

loadHandler().then(serve, async (error) => {
  process.stderr.write(`host runtime: cannot load ${process.env._HANDLER}: ${error.stack || error}\n`);
  await post(`status/${runtimeId}/error`, errorPayload(error)).catch(() => undefined);
  process.exit(1);
});
