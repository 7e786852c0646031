// NODE_OPTIONS for every function, derived from provider.memorySize: `${file(./infra/nodeOptions.cjs)}`.
// AWS Lambda's Node runtime sizes V8's heap from the function's memory; MiniStack starts its workers with Node's
// defaults, which let the heap grow past what the function is given. The same limits set here make the emulator behave
// like Lambda, from the one number in serverless.yml (on AWS they repeat what the runtime sets).

/** Lambda's heap limits for a function of `memoryMb`: semi-spaces of 5% and an old space of 90% of its memory. */
const heapFlags = (memoryMb) => [
  `--max-semi-space-size=${Math.floor((memoryMb * 5) / 100)}`,
  `--max-old-space-size=${Math.floor((memoryMb * 90) / 100)}`,
];

module.exports = async ({ resolveVariable }) => {
  const memoryMb = Number(await resolveVariable('self:provider.memorySize'));
  if (!Number.isInteger(memoryMb) || memoryMb < 128)
    throw new Error(`provider.memorySize must be an integer ≥ 128, got ${memoryMb}`);
  return heapFlags(memoryMb).join(' ');
};
module.exports.heapFlags = heapFlags;
