// AWS Lambda's Node runtime sizes V8's heap from the function's memory, unless NODE_OPTIONS names a heap flag itself;
// MiniStack and the LocalStack host executor start plain `node`, whose defaults let the heap grow far past what the
// function is given. This local plugin gives every function, in the compiled template, the heap limits Lambda gives
// its own MemorySize (provider.memorySize or the function's), so the one number in serverless.yml decides both, and
// both flags whenever one is set by hand, since the runtime then leaves both to V8's defaults.

/**
 * Young generations chosen by hand, in MB per semi-space, for functions whose garbage is short-lived: POST /produce
 * runs at 1,024 MB for the CPU that buys, and Lambda's 51 MB semi-spaces would let its garbage grow the worker past
 * 128 MB before a scavenge; the consumer's live heap is about 13 MB, and Lambda's 6 MB semi-spaces took it over 100 MB
 * (bench/report/method.md, "Producing within its deadline and memory" and "Memory in the emulator").
 */
const OWN_SEMI_SPACE_MB = { produce: 4, consumeOrders: 2 };

/**
 * The heap limits of `functionName` at `memoryMb`: Lambda's semi-spaces of 5% (or the function's own) and an old space
 * of 90% of its memory.
 */
const heapFlags = (memoryMb, functionName) => [
  `--max-semi-space-size=${OWN_SEMI_SPACE_MB[functionName] ?? Math.floor((memoryMb * 5) / 100)}`,
  `--max-old-space-size=${Math.floor((memoryMb * 90) / 100)}`,
];

class HeapLimitsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.setHeapLimits() };
  }

  setHeapLimits() {
    const { service } = this.serverless;
    const { Resources } = service.provider.compiledCloudFormationTemplate;
    const naming = this.serverless.getProvider('aws').naming;
    for (const name of service.getAllFunctions()) {
      const id = naming.getLambdaLogicalId(name);
      const resource = Resources[id];
      if (resource?.Type !== 'AWS::Lambda::Function') continue;
      const memoryMb = Number(resource.Properties.MemorySize);
      if (!Number.isInteger(memoryMb) || memoryMb < 128) throw new Error(`${id}: MemorySize must be an integer ≥ 128`);
      const variables = resource.Properties.Environment?.Variables ?? {};
      // A NODE_OPTIONS written in serverless.yml keeps its own flags; a heap limit set there by hand wins.
      const own = typeof variables.NODE_OPTIONS === 'string' ? variables.NODE_OPTIONS : '';
      const nodeOptions = own.includes('--max-old-space-size') ? own : [own, ...heapFlags(memoryMb, name)].join(' ').trim();
      // Functions can share one Variables object from the provider: each gets its own copy.
      resource.Properties.Environment = {
        ...resource.Properties.Environment,
        Variables: { ...variables, NODE_OPTIONS: nodeOptions },
      };
    }
  }
}

module.exports = HeapLimitsPlugin;
module.exports.heapFlags = heapFlags;
