import { useState } from 'react';
import type { TextStyle } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { CopyButton } from './CopyButton.tsx';

/**
 * What a reader can do with a summary from the page header. Sharing and
 * email delivery have their own section, shown as the settings allow.
 */
export function SummaryActions({ canCopy, copyText, regenerateLabel, onRegenerate }: {
  canCopy: boolean;
  copyText(): string;
  regenerateLabel: string;
  onRegenerate(style: TextStyle): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [style, setStyle] = useState<TextStyle>('quotes');

  const regenerate = async () => {
    setBusy(true);
    await onRegenerate(style);
    setBusy(false);
  };

  return (
    <div className="page-header-actions">
      <Segmented<TextStyle>
        label="Summary style"
        options={[{ value: 'quotes', label: 'As said' }, { value: 'minutes', label: 'Minutes' }]}
        value={style}
        onChange={setStyle}
      />
      <Button onClick={regenerate} busy={busy}>
        {regenerateLabel}
      </Button>
      {canCopy && <CopyButton text={copyText} label="Copy summary" done="Summary copied to the clipboard" />}
    </div>
  );
}
