/**
 * The error envelope every non-2xx answer carries (STYLE.md). Shared with the widgets, which
 * pick their localized text by `code`.
 */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  password_expired: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ValidationIssue {
  /** dotted path of the offending field, '' for the whole body */
  path: string;
  message: string;
  /** machine-readable rule name where there is one (e.g. password rules) */
  rule?: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { issues?: ValidationIssue[] } & Record<string, unknown>;
    requestId: string;
  };
}
