import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** The issues of the one union option that fits the input's kind (an object, an array), when exactly one does. */
const fittingOptionIssues = (issue: Issue): readonly Issue[] | undefined => {
  if (issue.code !== 'invalid_union') return undefined;
  const fitting = issue.errors.filter(
    (optionIssues) => !optionIssues.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
};

/** zod reports a failed union as one "Invalid input"; the fields that are wrong are in the option meant. */
const flattenIssues = (issues: readonly Issue[]): Issue[] =>
  issues.flatMap((issue) => {
    const inner = fittingOptionIssues(issue);
    if (!inner) return [issue];
    return flattenIssues(inner).map((innerIssue) => ({ ...innerIssue, path: [...issue.path, ...innerIssue.path] }));
  });

/** A leading index means the input is an array (of orders): `[3].items.0.quantity` reads as a position. */
const formatPath = (path: readonly PropertyKey[]): string => {
  const [first, ...rest] = path.map(String);
  const head = typeof path[0] === 'number' ? `[${first}]` : first;
  return [head, ...rest].join('.');
};

/**
 * One `path: message` per bad field, in the order zod found them; a problem with the input as a whole is its
 * message alone, since the caller's sentence already names the part ("Invalid request body: ...").
 */
export const describeIssues = (issues: readonly Issue[]): string[] =>
  flattenIssues(issues).map((issue) => {
    const message = issue.message.replace(/^Invalid input: /, '');
    return issue.path.length === 0 ? message : `${formatPath(issue.path)}: ${message}`;
  });
