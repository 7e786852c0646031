/** Lambda's heap limits for a function of `memoryMb`, as NODE_OPTIONS flags. */
export declare const heapFlags: (memoryMb: number) => string[];
