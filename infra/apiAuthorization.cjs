// Who may call the data routes of an AWS stage: besides the API key (the usage plan's throttling and quota), the
// stage's authorizer, API_AUTHORIZER: `jwt` (a Lambda TOKEN authorizer verifying the bearer JWTs of an OIDC issuer,
// src/handlers/auth/jwtAuthorizer.ts) or `iam` (SigV4-signed requests, AWS_IAM). The public routes are the route list's.
const { StageSettingsError } = require('./stageSettingsError.cjs');

const AUTHORIZERS = ['jwt', 'iam'];
const JWT_AUTHORIZER = 'jwtAuthorizer';
// API Gateway reuses an answer for this long per token: the same five minutes the functions cache their secrets.
const AUTHORIZER_CACHE_SECONDS = 300;

const text = (env, name) => {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
};

const url = (env, name, allowHttp) => {
  const value = text(env, name);
  if (value === undefined) return undefined;
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new StageSettingsError(`${name} must be an https:// URL, not "${value}"`);
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) {
    throw new StageSettingsError(`${name} must be an https:// URL, not "${value}"`);
  }
  return value;
};

/**
 * The stage's authorizer settings. IAM needs nothing more, so it is the default; a JWT issuer is named with its
 * audience. Plain HTTP is refused but for the emulator's deploy, whose test issuer serves its keys on 127.0.0.1.
 */
const authorizerSettings = (env, onEmulator) => {
  const authorizer = text(env, 'API_AUTHORIZER') ?? 'iam';
  if (!AUTHORIZERS.includes(authorizer)) {
    throw new StageSettingsError(`API_AUTHORIZER must be ${AUTHORIZERS.join(' or ')}, not "${authorizer}"`);
  }
  if (authorizer === 'iam') {
    if (text(env, 'JWT_ISSUER') !== undefined) throw new StageSettingsError('JWT_ISSUER is set but API_AUTHORIZER is not jwt');
    return { authorizer };
  }
  const issuer = url(env, 'JWT_ISSUER', onEmulator);
  const audience = text(env, 'JWT_AUDIENCE');
  if (issuer === undefined || audience === undefined) {
    throw new StageSettingsError("API_AUTHORIZER=jwt needs JWT_ISSUER (the tokens' iss) and JWT_AUDIENCE (their aud)");
  }
  return { authorizer, issuer, audience, jwksUri: url(env, 'JWT_JWKS_URI', onEmulator) };
};

/**
 * The `authorizer` of a route's http event: what API Gateway checks besides the API key. The JWT authorizer is this
 * file's own resource, referenced by id, so serverless adds no DependsOn that the reference already implies (cfn-lint
 * W3005).
 */
const httpAuthorizer = (auth) =>
  auth.authorizer === 'iam' ? 'aws_iam' : { type: 'TOKEN', authorizerId: { Ref: 'JwtApiAuthorizer' } };

/** The JWT authorizer's function, with its own role, on a `jwt` stage only. */
const authorizerFunctions = (auth) =>
  auth.authorizer === 'jwt'
    ? {
        [JWT_AUTHORIZER]: {
          handler: 'src/handlers/auth/jwtAuthorizer.handler',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
          role: { 'Fn::Sub': '${JwtAuthorizerRole.Arn}' },
          environment: {
            JWT_ISSUER: auth.issuer,
            JWT_AUDIENCE: auth.audience,
            ...(auth.jwksUri ? { JWT_JWKS_URI: auth.jwksUri } : {}),
          },
        },
      }
    : {};

/**
 * API Gateway's TOKEN authorizer on the Authorization header, allowed to invoke its function, and the function's role:
 * its log group and traces, nothing else (it reads only the issuer's public keys).
 */
const authorizerResources = (service, stage, auth) =>
  auth.authorizer === 'jwt'
    ? {
        JwtApiAuthorizer: {
          Type: 'AWS::ApiGateway::Authorizer',
          Properties: {
            Name: JWT_AUTHORIZER,
            Type: 'TOKEN',
            RestApiId: { Ref: 'ApiGatewayRestApi' },
            IdentitySource: 'method.request.header.Authorization',
            AuthorizerResultTtlInSeconds: AUTHORIZER_CACHE_SECONDS,
            AuthorizerUri: {
              'Fn::Sub':
                // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
                'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${JwtAuthorizerLambdaFunction.Arn}/invocations',
            },
          },
        },
        JwtAuthorizerInvokePermission: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: { 'Fn::GetAtt': ['JwtAuthorizerLambdaFunction', 'Arn'] },
            Principal: 'apigateway.amazonaws.com',
            SourceArn: {
              'Fn::Sub':
                // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub placeholder
                'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ApiGatewayRestApi}/authorizers/${JwtApiAuthorizer}',
            },
          },
        },
        JwtAuthorizerRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            },
            Policies: [
              {
                PolicyName: `${JWT_AUTHORIZER}-access`,
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Effect: 'Allow',
                      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                      Resource: [
                        {
                          'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${service}-${stage}-${JWT_AUTHORIZER}:*`,
                        },
                      ],
                    },
                    { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
                  ],
                },
              },
            ],
          },
        },
      }
    : {};

/**
 * API Gateway answers an unsigned request to an AWS_IAM method with MISSING_AUTHENTICATION_TOKEN, which serverless.yml
 * turns into its 404 for an unknown route (the route fallback serves every unknown path, so only IAM meets it): on an
 * IAM stage it is AWS's 403 again, saying what is missing.
 */
const missingSignatureResponse = (auth) =>
  auth.authorizer === 'iam'
    ? {
        GatewayResponseNoSuchRoute: {
          Properties: {
            StatusCode: '403',
            ResponseTemplates: {
              'application/json': '{"error":"Missing authentication: sign the request with SigV4 for execute-api"}',
            },
          },
        },
      }
    : {};

/** Adds the authorizer's resources to an AWS stage's `resources` (infra/awsResources.cjs). */
const withApiAuthorization = (resources, settings, service) => ({
  ...resources,
  Resources: { ...resources.Resources, ...authorizerResources(service, settings.stage, settings.auth) },
  extensions: { ...resources.extensions, ...missingSignatureResponse(settings.auth) },
});

module.exports = { authorizerSettings, authorizerFunctions, httpAuthorizer, withApiAuthorization };
