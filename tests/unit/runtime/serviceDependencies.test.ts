import type { Config } from '../../../src/config/config';
import { containerConfig } from '../../../src/runtime/containerConfig';
import type { DependencyProvider } from '../../../src/runtime/dependencyProvider';
import { dependenciesOf } from '../../../src/runtime/serviceDependencies';

/** A provider that counts how often it builds and closes, and keeps the config it was built from. */
const countingProvider = () => {
  const seen: Config[] = [];
  let closed = 0;
  const provider: DependencyProvider<{ serial: number }> = {
    create: (config) => {
      seen.push(config);
      return { serial: seen.length };
    },
    close: async () => {
      closed += 1;
    },
  };
  return { provider, seen, closed: () => closed };
};

describe("a function's dependencies, built in src/runtime", () => {
  test('each is built on first use, once per container, from the container config', () => {
    const store = countingProvider();
    const other = countingProvider();
    const { get } = dependenciesOf({ store: store.provider, other: other.provider });
    expect(store.seen).toEqual([]);
    expect(get().store).toEqual({ serial: 1 });
    expect(get().store).toBe(get().store);
    expect(store.seen).toEqual([containerConfig()]);
    expect(other.seen).toEqual([]);
    expect(get().config).toBe(containerConfig());
  });

  test('close closes every provider, and the next use builds anew', async () => {
    const store = countingProvider();
    const { get, close } = dependenciesOf({ store: store.provider });
    const first = get().store;
    await close();
    expect(store.closed()).toBe(1);
    expect(get().store).not.toBe(first);
    expect(store.seen).toHaveLength(2);
  });
});
