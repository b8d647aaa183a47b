// Turns GraphQL errors into what a form shows: a message on the field the server names in
// `extensions.field` (BAD_USER_INPUT), and the rest as messages for the whole form.
import type { CombinedError } from '@urql/core';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PLAN_LIMIT'
  | 'INTERNAL'
  | 'NETWORK';

export interface ApiError {
  message: string;
  code: ErrorCode;
  field?: string;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

const KNOWN_CODES = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'PLAN_LIMIT',
  'INTERNAL',
]);

/** The errors of a failed operation, each with its code (and field when one is at fault). */
export function apiErrors(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'> | null | undefined,
): ApiError[] {
  if (!error) return [];
  const out: ApiError[] = [];
  for (const e of error.graphQLErrors as GraphQLErrorLike[]) {
    const raw = e.extensions?.code;
    const code = typeof raw === 'string' && KNOWN_CODES.has(raw as ErrorCode) ? (raw as ErrorCode) : 'INTERNAL';
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field : undefined;
    out.push({ message: e.message, code, ...(field ? { field } : {}) });
  }
  if (error.networkError && out.length === 0) {
    out.push({ message: 'The server could not be reached. Check your connection and try again.', code: 'NETWORK' });
  }
  return out;
}

/** A server field path as the form knows it: `input.` prefixes go, aliases are applied. */
export function normaliseField(field: string, aliases: Record<string, string> = {}): string {
  const bare = field.replace(/^input\./, '');
  return aliases[bare] ?? bare;
}

export interface FormErrors {
  /** Messages by form field path (`name`, `http.timeoutSeconds`). */
  fields: Record<string, string>;
  /** Messages that belong to no field of the form. */
  general: string[];
}

/**
 * Splits errors between the form's fields and the form as a whole. A field error lands on the
 * field the server names when the form has it (or on its closest parent the form has, so
 * `http.headers.2.name` lands on `http.headers` when only that is shown); otherwise it is
 * shown for the whole form, so no message is ever lost.
 */
export function formErrors(
  errors: ApiError[],
  formFields: readonly string[],
  aliases: Record<string, string> = {},
): FormErrors {
  const known = new Set(formFields);
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    if (error.code === 'BAD_USER_INPUT' && error.field) {
      const target = closestField(normaliseField(error.field, aliases), known);
      if (target) {
        fields[target] = fields[target] ? `${fields[target]}; ${error.message}` : error.message;
        continue;
      }
      general.push(`${error.field}: ${error.message}`);
      continue;
    }
    general.push(describe(error));
  }
  return { fields, general };
}

function closestField(path: string, known: Set<string>): string | undefined {
  let current = path;
  for (;;) {
    if (known.has(current)) return current;
    const cut = current.lastIndexOf('.');
    if (cut < 0) return undefined;
    current = current.slice(0, cut);
  }
}

/** A message for a person, by code. */
export function describe(error: ApiError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return error.message || 'Please sign in again.';
    case 'FORBIDDEN':
      return `You are not allowed to do this: ${error.message}`;
    case 'NOT_FOUND':
      return 'Not found: it may have been deleted, or it is not shared with you.';
    case 'RATE_LIMITED':
      return `Too many requests: ${error.message}`;
    case 'PLAN_LIMIT':
      return `Plan limit: ${error.message}`;
    case 'INTERNAL':
      return error.message || 'Something went wrong on the server.';
    default:
      return error.message;
  }
}

/** One line for an error state. */
export function errorText(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'> | null | undefined): string {
  return apiErrors(error).map(describe).join(' ');
}

/** Every path of a nested form value (objects only; arrays are leaves), for `formErrors`. */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  const out: string[] = prefix ? [prefix] : [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out.push(...fieldPaths(inner, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}
