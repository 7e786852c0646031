/** Lambda's heap limits for `functionName` at `memoryMb` (its own young generation if it has one), as NODE_OPTIONS flags. */
export declare const heapFlags: (memoryMb: number, functionName: string) => string[];
