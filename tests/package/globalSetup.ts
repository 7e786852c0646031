import { packageStage } from './support/packageStage';

/** Recognisable values a careless template would copy from the shell: none may appear in the AWS stage's package. */
export const FAKE_SECRETS = {
  ADMIN_TOKEN: 'FAKE-ADMIN-TOKEN-7c1e5b',
  REDIS_URL: 'redis://:FAKE-REDIS-PASSWORD-7c1e5b@10.9.9.9:6379',
};

/**
 * Packages the prod and the local stage once for every test of this project (it takes tens of seconds). The variable
 * that points the local stage at the reliability suite's fault-injecting consumer is set on purpose: no other stage
 * may follow it; so are secrets of the local workflow, which no AWS stage may take.
 */
export default async function packageStages(): Promise<void> {
  const [prod, local] = await Promise.all([
    packageStage('prod', {
      SQS_ORDERS_CONSUMER_ENTRY: 'tests/reliability/faultInjection/consumeOrdersWithFaults.handler',
      ...FAKE_SECRETS,
    }),
    packageStage('local'),
  ]);
  process.env.PROD_PACKAGE_DIR = prod;
  process.env.LOCAL_PACKAGE_DIR = local;
}
