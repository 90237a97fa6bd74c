import type { z } from 'zod';
import { HttpError } from './errors';

/**
 * Parses `value` with `schema` or throws a 400 whose code is the failing issue's `params.code` (INVALID_NUMBER,
 * NUMBER_OUT_OF_RANGE, UNKNOWN_MARKET, ...) or INVALID_REQUEST, and whose message names the field:
 * "params.amount: must be a whole number written as a decimal string, e.g. "1000000"."
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? []).map(String)].join('.');
  const code = (issue && 'params' in issue ? (issue.params as { code?: unknown } | undefined)?.code : undefined) ?? 'INVALID_REQUEST';
  const message = describe(issue);
  throw new HttpError(400, typeof code === 'string' ? code : 'INVALID_REQUEST', `${path ? `${path}: ` : ''}${message}.`);
}

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid request';
  if (issue.code === 'unrecognized_keys') return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k.slice(0, 32)}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message.replace(/\.$/, '');
}
