/**
 * JSON bodies are parsed with middy's guard against prototype pollution: a key `__proto__`, or a `constructor` that
 * holds an object with a `prototype`, anywhere in a body is refused (400). The document says so wherever a body takes
 * keys it does not name.
 */
type JsonSchema = { [key: string]: unknown };

export const SAFE_JSON_VALUE = 'SafeJsonValue';

const safeJson = { $ref: `#/components/schemas/${SAFE_JSON_VALUE}` };
const safeConstructor = { allOf: [safeJson, { not: { type: 'object', required: ['prototype'] } }] };
const openObjectRules = {
  propertyNames: { not: { const: '__proto__' } },
  additionalProperties: safeJson,
};

export const safeJsonValue: JsonSchema = {
  description: 'Any JSON value with no __proto__ key, and no constructor key holding a prototype, at any depth',
  anyOf: [
    { type: ['string', 'number', 'boolean', 'null'] },
    { type: 'array', items: safeJson },
    { type: 'object', ...openObjectRules, properties: { constructor: safeConstructor } },
  ],
};

const isOpen = (additional: unknown) =>
  additional === true || (typeof additional === 'object' && additional !== null && Object.keys(additional).length === 0);

/** The schema with every object that takes any other key (`additionalProperties: {}`) refusing the two, at any depth. */
export const guardJsonKeys = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(guardJsonKeys);
  if (typeof schema !== 'object' || schema === null) return schema;
  const guarded: JsonSchema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, guardJsonKeys(value)]));
  if (!isOpen(guarded.additionalProperties)) return guarded;
  const properties = (guarded.properties ?? {}) as JsonSchema;
  return {
    ...guarded,
    ...openObjectRules,
    properties: { ...properties, ...('constructor' in properties ? {} : { constructor: safeConstructor }) },
  };
};
