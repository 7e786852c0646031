import { UsageError } from './cliErrors';

/** A positional argument that must be a whole number within bounds, e.g. the count of `produce 500`. */
export const wholeNumberArgument = (value: string | undefined, name: string, min: number, max: number): number => {
  const range = `from ${min} to ${max}`;
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new UsageError(`${name} must be a whole number ${range}, got ${value ?? 'nothing'}`);
  }
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`${name} must be a whole number ${range}, got ${value}`);
  return number;
};

export const requiredArgument = (value: string | undefined, name: string): string => {
  if (!value) throw new UsageError(`missing ${name}`);
  return value;
};
