import { useState } from 'react';
import { Button } from '../../ui/Button.tsx';

/**
 * What a reader can do with a summary. Sharing and email delivery join this
 * toolbar when the account's settings allow them.
 */
export function SummaryActions({ canCopy, copyText, regenerateLabel, onRegenerate }: {
  canCopy: boolean;
  copyText(): string;
  regenerateLabel: string;
  onRegenerate(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');

  const regenerate = async () => {
    setBusy(true);
    await onRegenerate();
    setBusy(false);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(copyText());
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied('idle'), 2500);
  };

  return (
    <div className="page-header-actions">
      <Button onClick={regenerate} busy={busy}>
        {regenerateLabel}
      </Button>
      {canCopy && <Button onClick={copy}>{copied === 'done' ? 'Copied' : 'Copy summary'}</Button>}
      <span className="visually-hidden" aria-live="polite">
        {copied === 'done' ? 'Summary copied to the clipboard' : copied === 'failed' ? 'The browser did not allow copying' : ''}
      </span>
    </div>
  );
}
