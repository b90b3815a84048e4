import { useState } from 'react';
import type { ApiError } from '../api/client.ts';

/**
 * One change at a time on a page section: which one is running (for its
 * button's spinner), the API's refusal, or the sentence saying what was done.
 *
 * @example
 * const action = useAction();
 * void action.run('save', async () => { await api(…); return 'Saved.'; }).then((ok) => ok && list.reload());
 */
export function useAction() {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const run = async (what: string, action: () => Promise<string>): Promise<boolean> => {
    setBusy(what);
    setError(undefined);
    setDone('');
    try {
      setDone(await action());
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setBusy('');
    }
  };
  return { busy, error, done, run };
}
