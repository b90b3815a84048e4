import { useCallback, useEffect, useState } from 'react';
import { api, request, type ApiError } from '../../api/client.ts';
import type { Summary, SummaryPending, TextStyle } from '../../api/types.ts';

/** How often to ask again while the background job is still summarising. */
const POLL_MS = 1500;

export type SummaryState =
  | { status: 'loading' }
  | { status: 'pending' }
  | { status: 'failed' }
  | { status: 'none' }
  | { status: 'ready'; summary: Summary }
  | { status: 'error'; error: ApiError };

/**
 * The latest summary of a meeting. While the background job works the API
 * answers 202, and this asks again until it is ready or has failed.
 */
export function useSummary(meetingId: string) {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      try {
        const res = await request<Summary | SummaryPending>(`/v1/meetings/${meetingId}/summary`, { signal: controller.signal });
        if (res.status === 200) return setState({ status: 'ready', summary: res.body as Summary });
        const pending = res.body as SummaryPending;
        setState({ status: pending.status });
        if (pending.status === 'pending') timer = window.setTimeout(load, POLL_MS);
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        const e = error as ApiError;
        setState(e.status === 404 && e.code === 'not_found' ? { status: 'none' } : { status: 'error', error: e });
      }
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [meetingId]);

  /** Asks for a new summary now; resolves to the error, if the server refused. */
  const regenerate = useCallback(async (style: TextStyle = 'quotes'): Promise<ApiError | null> => {
    try {
      const summary = await api<Summary>(`/v1/meetings/${meetingId}/summary`, { method: 'POST', body: { style } });
      setState({ status: 'ready', summary });
      return null;
    } catch (error) {
      return error as ApiError;
    }
  }, [meetingId]);

  return { state, regenerate };
}
