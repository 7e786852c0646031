import { replicaLossScenario } from './scenarios/replicaLoss';
import { fullRedisScenario } from './scenarios/fullRedis';
import { primaryDemotionScenario } from './scenarios/primaryDemotion';

// Redis as ElastiCache treats it: real redis-server processes (a primary and a replica, an endpoint that moves, a
// full Redis) and the consumer's batch logic drained in this process with SQS's contract around it. No emulator.
describe('7. a replica away longer than the redrive policy allows', () => replicaLossScenario());
describe('8. a failover that demotes the primary under a warm consumer', () => primaryDemotionScenario());
describe('9. a full Redis', () => fullRedisScenario());
