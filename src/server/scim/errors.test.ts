import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, notFound } from '../../core/errors.ts';
import { SCIM_ERROR_SCHEMA, ScimError, scimErrorResponse } from './errors.ts';

describe('ScimError', () => {
  it('is an AppError whose code matches its status', () => {
    const error = new ScimError('invalidFilter', 'invalid filter at position 3: expected a value');
    assert.ok(AppError.isInstance(error));
    assert.equal(error.code, 'invalid_input');
    assert.equal(error.status, 400);
    assert.equal(error.scimType, 'invalidFilter');
    assert.deepEqual(error.details, { scimType: 'invalidFilter' });
  });

  it('takes the status RFC 7644 pairs with the type', () => {
    assert.equal(new ScimError('uniqueness', 'userName "a@b.c" is taken').status, 409);
    assert.equal(new ScimError('uniqueness', 'x').code, 'conflict');
    assert.equal(new ScimError('sensitive', 'x').status, 403);
    assert.equal(new ScimError('mutability', 'x').status, 400);
  });

  it('carries a status without a type', () => {
    const error = new ScimError(null, 'User usr_1 was not found', 404);
    assert.equal(error.code, 'not_found');
    assert.equal(error.scimType, null);
    assert.equal(error.details, undefined);
  });
});

describe('scimErrorResponse', () => {
  it('renders a SCIM error with the status as a string', () => {
    assert.deepEqual(scimErrorResponse(new ScimError('noTarget', 'no value of members matches the filter')), {
      status: 400,
      body: { schemas: [SCIM_ERROR_SCHEMA], status: '400', scimType: 'noTarget', detail: 'no value of members matches the filter' },
    });
  });

  it('renders any AppError with its status and message', () => {
    assert.deepEqual(scimErrorResponse(notFound('User', 'usr_9')), {
      status: 404,
      body: { schemas: [SCIM_ERROR_SCHEMA], status: '404', detail: 'User usr_9 was not found' },
    });
  });

  it('reveals nothing of internal errors', () => {
    const hidden = { status: 500, body: { schemas: [SCIM_ERROR_SCHEMA], status: '500', detail: 'internal error' } };
    assert.deepEqual(scimErrorResponse(new Error('connection to db.internal:5432 refused')), hidden);
    assert.deepEqual(scimErrorResponse(new AppError('internal', 'internal error: SELECT failed')), hidden);
    assert.deepEqual(scimErrorResponse('thrown string'), hidden);
  });
});
