import { ApiError, authHeaders, failure } from './client.ts';
import type { ImportReport } from './admin-types.ts';

/** Sends a users CSV to `/v1/users/import`; with `dryRun` nothing is changed and the report says what would be. */
export async function importUsersCsv(csv: string, dryRun: boolean): Promise<ImportReport> {
  let res: Response;
  try {
    res = await fetch(`/v1/users/import?dryRun=${dryRun}`, { method: 'POST', headers: { ...authHeaders(), accept: 'application/json', 'content-type': 'text/csv' }, body: csv });
  } catch {
    throw new ApiError(0, null, 'Cannot reach the Confer server. Is `confer serve` running?');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw failure(res.status, body);
  return body as ImportReport;
}
