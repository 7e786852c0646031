/** Settings of the stack that scripts/test.sh deployed for this run. */
export type E2eEnvironment = {
  apiUrl: string;
  emulatorPort: number;
  redisUrl: string;
  logDir: string;
  keyPrefix: string;
};

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through 'npm test', which deploys a stack for them`);
  return value;
};

export const e2eEnvironment = (): E2eEnvironment => ({
  apiUrl: required('E2E_API_URL'),
  emulatorPort: Number(required('E2E_EMULATOR_PORT')),
  redisUrl: required('E2E_REDIS_URL'),
  logDir: required('E2E_LOG_DIR'),
  keyPrefix: required('E2E_KEY_PREFIX'),
});
