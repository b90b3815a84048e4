/**
 * SCIM errors (RFC 7644 §3.12). A `ScimError` is an `AppError` whose code
 * matches its HTTP status, so the rest of the application handles it like any
 * other error; `details.scimType` carries the SCIM error type. Routes turn
 * any thrown value into the SCIM error body with `scimErrorResponse`.
 */
import { AppError, type ErrorCode } from '../../core/errors.ts';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The `scimType` values of RFC 7644 Table 9. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

const CODE_BY_STATUS = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  500: 'internal',
} as const satisfies Record<number, ErrorCode>;

export type ScimStatus = keyof typeof CODE_BY_STATUS;

/** RFC 7644 Table 9 pairs each type with one status. */
const STATUS_BY_TYPE: Partial<Record<ScimType, ScimStatus>> = { uniqueness: 409, sensitive: 403 };

export class ScimError extends AppError {
  readonly scimType: ScimType | null;

  /**
   * @example
   * new ScimError('invalidFilter', 'invalid filter at position 10: expected an operator')
   * new ScimError(null, 'User usr_1 was not found', 404)
   */
  constructor(scimType: ScimType | null, detail: string, status?: ScimStatus) {
    const resolved = status ?? (scimType ? STATUS_BY_TYPE[scimType] : undefined) ?? 400;
    super(CODE_BY_STATUS[resolved], detail, scimType ? { details: { scimType } } : {});
    this.name = 'ScimError';
    this.scimType = scimType;
  }
}

export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  /** The HTTP status, as a string (RFC 7644 §3.12). */
  status: string;
  scimType?: ScimType;
  detail: string;
}

/**
 * The HTTP status and SCIM error body for anything thrown. AppErrors keep
 * their status and message; internal errors and anything else become a 500
 * whose detail reveals nothing of the original.
 *
 * @example
 * scimErrorResponse(new ScimError('noTarget', 'no member matches'))
 * // { status: 400, body: { schemas: [...], status: '400', scimType: 'noTarget', detail: 'no member matches' } }
 */
export function scimErrorResponse(error: unknown): { status: number; body: ScimErrorBody } {
  if (!AppError.isInstance(error) || error.code === 'internal') {
    return { status: 500, body: { schemas: [SCIM_ERROR_SCHEMA], status: '500', detail: 'internal error' } };
  }
  const scimType = error.details?.scimType as ScimType | undefined;
  return {
    status: error.status,
    body: {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(error.status),
      ...(scimType ? { scimType } : {}),
      detail: error.message,
    },
  };
}
