import { ConfigError, getCliConfig } from '../../../src/config/config';

describe('getCliConfig', () => {
  test('defaults to the local emulator and stage', () => {
    // No credential: the local stage asks for none.
    expect(getCliConfig({})).toEqual({ EMULATOR_PORT: 4566, STAGE: 'local', SQS_ORDERS_SIGV4: false, AWS_REGION: 'us-east-1' });
  });

  test('reads the API URL, the port and the stage', () => {
    expect(getCliConfig({ SQS_ORDERS_API_URL: 'https://api.example.test/prod', EMULATOR_PORT: '4600', STAGE: 'dev' })).toEqual({
      SQS_ORDERS_API_URL: 'https://api.example.test/prod',
      EMULATOR_PORT: 4600,
      STAGE: 'dev',
      SQS_ORDERS_SIGV4: false,
      AWS_REGION: 'us-east-1',
    });
    expect(getCliConfig({ SQS_ORDERS_API_URL: '' }).SQS_ORDERS_API_URL).toBeUndefined();
  });

  test.each([
    [{ SQS_ORDERS_API_URL: 'localhost:4566' }, /SQS_ORDERS_API_URL/],
    [{ SQS_ORDERS_API_URL: 'ftp://example.test' }, /SQS_ORDERS_API_URL/],
    [{ EMULATOR_PORT: 'x' }, /EMULATOR_PORT/],
    [{ EMULATOR_PORT: '70000' }, /EMULATOR_PORT/],
    [{ STAGE: 'local/../x' }, /STAGE/],
    [{ SQS_ORDERS_SIGV4: 'yes' }, /SQS_ORDERS_SIGV4/],
  ])('%j is refused with a message naming the variable', (env, name) => {
    expect(() => getCliConfig(env)).toThrow(ConfigError);
    expect(() => getCliConfig(env)).toThrow(name);
  });
});
