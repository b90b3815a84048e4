import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a request is in flight; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload(): void;
  /** Replaces the data after a change the page made itself. */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/**
 * GETs `path` whenever it changes (null: nothing to fetch yet). A newer
 * request aborts an older one, so a slow answer never overwrites a newer one.
 */
export function useResource<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState((s) => ({ ...s, error: error as ApiError, loading: false }));
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
