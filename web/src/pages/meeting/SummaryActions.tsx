import { useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { CopyButton } from './CopyButton.tsx';

/**
 * What a reader can do with a summary from the page header. Sharing and
 * email delivery have their own section, shown as the settings allow.
 */
export function SummaryActions({ canCopy, copyText, regenerateLabel, onRegenerate }: {
  canCopy: boolean;
  copyText(): string;
  regenerateLabel: string;
  onRegenerate(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);

  const regenerate = async () => {
    setBusy(true);
    await onRegenerate();
    setBusy(false);
  };

  return (
    <div className="page-header-actions">
      <Button onClick={regenerate} busy={busy}>
        {regenerateLabel}
      </Button>
      {canCopy && <CopyButton text={copyText} label="Copy summary" done="Summary copied to the clipboard" />}
    </div>
  );
}
