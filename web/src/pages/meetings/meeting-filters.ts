import { dayBoundary } from '../../format/time.ts';
import { withQuery } from '../../router/router.tsx';

/** The filters of the meetings list, as kept in the page's address so they survive reloads and back. */
export interface MeetingFilters {
  q: string;
  /** `YYYY-MM-DD`, as a date input gives it. */
  from: string;
  to: string;
  participant: string;
  actions: '' | 'with' | 'without';
  offset: number;
}

export const PAGE_SIZE = 20;

export function readFilters(query: URLSearchParams): MeetingFilters {
  const actions = query.get('actions');
  return {
    q: query.get('q') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    participant: query.get('participant') ?? '',
    actions: actions === 'with' || actions === 'without' ? actions : '',
    offset: Math.max(0, Number(query.get('offset')) || 0),
  };
}

export const isFiltered = (f: MeetingFilters): boolean => Boolean(f.q || f.from || f.to || f.participant || f.actions);

/** The page's own address for a set of filters. */
export const pageHref = (f: MeetingFilters): string =>
  withQuery('/meetings', { q: f.q, from: f.from, to: f.to, participant: f.participant, actions: f.actions, offset: f.offset || undefined });

/** The API request for a set of filters; date inputs mean whole days in the reader's time zone. */
export const apiPath = (f: MeetingFilters): string =>
  withQuery('/v1/meetings', {
    limit: PAGE_SIZE,
    offset: f.offset,
    q: f.q.trim(),
    from: f.from && dayBoundary(f.from, 'start'),
    to: f.to && dayBoundary(f.to, 'end'),
    participant: f.participant.trim(),
    hasActionItems: f.actions === '' ? undefined : String(f.actions === 'with'),
  });
