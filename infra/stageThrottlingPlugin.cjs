// Serverless v3 gives a REST API's stage no default throttling: only the usage plan throttles, and only requests with
// its API key. This local plugin puts the stage's default throttling (custom.stageThrottling, AWS stages only) on the
// stage the framework's Deployment creates, as MethodSettings for every method.
class StageThrottlingPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.addStageThrottling() };
  }

  addStageThrottling() {
    const throttling = this.serverless.service.custom?.stageThrottling;
    if (!throttling) return;
    const { Resources } = this.serverless.service.provider.compiledCloudFormationTemplate;
    for (const resource of Object.values(Resources)) {
      if (resource.Type !== 'AWS::ApiGateway::Deployment') continue;
      resource.Properties.StageDescription = {
        ...resource.Properties.StageDescription,
        MethodSettings: [
          {
            ResourcePath: '/*',
            HttpMethod: '*',
            ThrottlingRateLimit: throttling.rateLimit,
            ThrottlingBurstLimit: throttling.burstLimit,
          },
        ],
      };
    }
  }
}

module.exports = StageThrottlingPlugin;
