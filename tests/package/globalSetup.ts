import { packageStage } from './support/packageStage';

/**
 * Packages the prod stage once for every test of this project (it takes tens of seconds). The variable that points the
 * local stage at the reliability suite's fault-injecting consumer is set on purpose: no other stage may follow it.
 */
export default async function packageProd(): Promise<void> {
  process.env.PROD_PACKAGE_DIR = await packageStage('prod', {
    SQS_ORDERS_CONSUMER_ENTRY: 'tests/reliability/faultInjection/consumeOrdersWithFaults.handler',
  });
}
