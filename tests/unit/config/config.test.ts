import { ConfigError, getConfig } from '../../../src/config/config';

describe('getConfig', () => {
  test('LOG_MAX_BYTES defaults to 50 MB', () => {
    expect(getConfig({}).LOG_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  test('LOG_MAX_BYTES is read as a number of bytes', () => {
    expect(getConfig({ LOG_MAX_BYTES: '4096' }).LOG_MAX_BYTES).toBe(4096);
  });

  test.each(['0', '512', '1.5', 'lots'])('LOG_MAX_BYTES=%s is refused, naming the variable', (value) => {
    expect(() => getConfig({ LOG_MAX_BYTES: value })).toThrow(ConfigError);
    expect(() => getConfig({ LOG_MAX_BYTES: value })).toThrow(/LOG_MAX_BYTES/);
  });
});

describe('getConfig: ADMIN_TOKEN', () => {
  test('empty, as serverless.yml writes it for a stage without a token, means no token rather than a bad one', () => {
    expect(getConfig({ ADMIN_TOKEN: '' }).ADMIN_TOKEN).toBeUndefined();
  });

  test('a token shorter than 8 characters is refused, naming the variable', () => {
    expect(() => getConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN: must be at least 8 characters/);
  });
});
