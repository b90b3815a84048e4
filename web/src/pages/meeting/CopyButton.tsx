import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button.tsx';

/**
 * Copies text to the clipboard; says "Copied" for a moment, and tells
 * screen readers whether the browser allowed it.
 */
export function CopyButton({ text, label, done }: { text: string | (() => string); label: string; done: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = window.setTimeout(() => setCopied('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : text());
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <Button onClick={copy}>{copied === 'done' ? 'Copied' : label}</Button>
      <span className="visually-hidden" aria-live="polite">
        {copied === 'done' ? done : copied === 'failed' ? 'The browser did not allow copying' : ''}
      </span>
    </>
  );
}
