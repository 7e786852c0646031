// AWS Lambda's Node runtime sizes V8's heap from the function's memory; MiniStack and the LocalStack host executor start
// plain `node`, whose defaults let the heap grow far past what the function is given. This local plugin gives every
// function, in the compiled template, the heap limits Lambda gives its own MemorySize (provider.memorySize or the
// function's), so the one number in serverless.yml decides both. On AWS they repeat what the runtime sets.

/** Lambda's heap limits for a function of `memoryMb`: semi-spaces of 5% and an old space of 90% of its memory. */
const heapFlags = (memoryMb) => [
  `--max-semi-space-size=${Math.floor((memoryMb * 5) / 100)}`,
  `--max-old-space-size=${Math.floor((memoryMb * 90) / 100)}`,
];

class HeapLimitsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.setHeapLimits() };
  }

  setHeapLimits() {
    const { Resources } = this.serverless.service.provider.compiledCloudFormationTemplate;
    for (const [id, resource] of Object.entries(Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const memoryMb = Number(resource.Properties.MemorySize);
      if (!Number.isInteger(memoryMb) || memoryMb < 128) throw new Error(`${id}: MemorySize must be an integer ≥ 128`);
      const variables = resource.Properties.Environment?.Variables ?? {};
      // A NODE_OPTIONS written in serverless.yml keeps its own flags; a heap limit set there by hand wins.
      const own = typeof variables.NODE_OPTIONS === 'string' ? variables.NODE_OPTIONS : '';
      const nodeOptions = own.includes('--max-old-space-size') ? own : [own, ...heapFlags(memoryMb)].join(' ').trim();
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
