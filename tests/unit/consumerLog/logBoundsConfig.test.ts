import { ConfigError, getConfig } from '../../../src/config/config';

describe('getConfig: the log directory bounds', () => {
  test('LOG_MAX_FILES defaults to 20 and LOG_MAX_TOTAL_BYTES to 512 MiB', () => {
    const config = getConfig({});
    expect({ files: config.LOG_MAX_FILES, total: config.LOG_MAX_TOTAL_BYTES }).toEqual({ files: 20, total: 512 * 1024 ** 2 });
  });

  test('both are read as whole numbers', () => {
    const config = getConfig({ LOG_MAX_FILES: '6', LOG_MAX_TOTAL_BYTES: '4096', LOG_MAX_BYTES: '2048' });
    expect({ files: config.LOG_MAX_FILES, total: config.LOG_MAX_TOTAL_BYTES }).toEqual({ files: 6, total: 4096 });
  });

  test.each(['0', '1001', '2.5', 'many'])('LOG_MAX_FILES=%s is refused, naming the variable', (value) => {
    expect(() => getConfig({ LOG_MAX_FILES: value })).toThrow(ConfigError);
    expect(() => getConfig({ LOG_MAX_FILES: value })).toThrow(/LOG_MAX_FILES/);
  });

  test.each(['512', '1.5', 'lots'])('LOG_MAX_TOTAL_BYTES=%s is refused, naming the variable', (value) => {
    expect(() => getConfig({ LOG_MAX_TOTAL_BYTES: value })).toThrow(/LOG_MAX_TOTAL_BYTES/);
  });

  test('a total smaller than one log file is refused, naming the variable', () => {
    expect(() => getConfig({ LOG_MAX_BYTES: '8192', LOG_MAX_TOTAL_BYTES: '4096' })).toThrow(
      /LOG_MAX_TOTAL_BYTES: must be at least LOG_MAX_BYTES/,
    );
  });
});
