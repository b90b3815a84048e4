import type { Meeting } from '../../api/types.ts';
import { duration, when } from '../../format/time.ts';
import { Link } from '../../router/router.tsx';
import { Badge } from '../../ui/Badge.tsx';

function people(names: string[]): string {
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
}

function SummaryBadge({ meeting }: { meeting: Meeting }) {
  if (meeting.summaryStatus === 'pending') return <Badge tone="accent">Summarising…</Badge>;
  if (meeting.summaryStatus === 'failed') return <Badge tone="danger">Summary failed</Badge>;
  if (meeting.actionItems === null) return null;
  if (meeting.actionItems === 0) return <Badge>No action items</Badge>;
  return <Badge tone="success">{meeting.actionItems === 1 ? '1 action item' : `${meeting.actionItems} action items`}</Badge>;
}

export function MeetingRow({ meeting }: { meeting: Meeting }) {
  const facts = [
    meeting.startedAt ? when(meeting.startedAt) : `Uploaded ${when(meeting.createdAt)}`,
    meeting.durationSeconds !== null ? duration(meeting.durationSeconds) : null,
  ].filter(Boolean);
  return (
    <li className="meeting-row card">
      <div className="meeting-row-main">
        <Link to={`/meetings/${meeting.id}`} className="meeting-row-title">
          {meeting.title}
        </Link>
        <p className="muted small">{facts.join(' · ')}</p>
        {meeting.participants.length > 0 && <p className="small meeting-row-people">{people(meeting.participants)}</p>}
      </div>
      <div className="meeting-row-badges">
        <SummaryBadge meeting={meeting} />
      </div>
    </li>
  );
}
