/**
 * Typed errors. Every error a user can see is an `AppError` with a stable
 * code; the table below maps each code to an HTTP status and a CLI exit code,
 * so routes and commands never invent their own.
 */

export const ERROR_CODES = {
  invalid_input: { status: 400, exit: 2 },
  malformed_file: { status: 400, exit: 2 },
  unauthenticated: { status: 401, exit: 3 },
  forbidden: { status: 403, exit: 3 },
  not_entitled: { status: 403, exit: 3 },
  feature_disabled: { status: 403, exit: 3 },
  consent_required: { status: 403, exit: 3 },
  not_found: { status: 404, exit: 4 },
  conflict: { status: 409, exit: 5 },
  payload_too_large: { status: 413, exit: 2 },
  unsupported_media_type: { status: 415, exit: 2 },
  feature_unavailable: { status: 503, exit: 6 },
  provider_error: { status: 502, exit: 6 },
  internal: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field-level problem, as reported for invalid input. */
export interface FieldError {
  path: string;
  message: string;
}

const APP_ERROR_MARKER = Symbol.for('confer.AppError');

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  fields?: FieldError[];
  cause?: unknown;
  retryable?: boolean;
}

export class AppError extends Error {
  readonly [APP_ERROR_MARKER] = true;
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly fields?: FieldError[];
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.fields = options.fields;
    this.retryable = options.retryable ?? false;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** Works across module copies, unlike `instanceof`. */
  static isInstance(value: unknown): value is AppError {
    return typeof value === 'object' && value !== null && APP_ERROR_MARKER in value;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A problem at a known place in an input file: rendered `file:line: message`. */
export class ParseError extends AppError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;

  constructor(file: string, line: number, reason: string) {
    super('malformed_file', `${file}:${line}: ${reason}`, { details: { file, line, reason } });
    this.name = 'ParseError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', `${what} ${id} was not found`, { details: { what, id } });

export const invalidInput = (message: string, fields?: FieldError[]): AppError =>
  new AppError('invalid_input', message, { fields });

/** Normalises anything thrown into an AppError, keeping the original as cause. */
export function toAppError(error: unknown): AppError {
  if (AppError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', `internal error: ${message}`, { cause: error });
}
