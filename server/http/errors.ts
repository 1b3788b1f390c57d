import { errorStatus, type ErrorCode, type ValidationIssue } from '../schemas/errors.js';

/** Thrown anywhere in the server; `onError` turns it into the standard envelope. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    super(message);
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
    this.headers = headers;
  }
}

export const notFound = (what = 'Resource') => new ApiError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError('forbidden', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new ApiError('conflict', message, details);
export const invalid = (issues: ValidationIssue[], message = 'The request has invalid fields') =>
  new ApiError('validation_failed', message, { issues });
export const badRequest = (message: string) => new ApiError('bad_request', message);
