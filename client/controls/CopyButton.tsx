import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a text to the clipboard and says so (or says to copy it by hand where the browser refuses). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>{label ?? t('copy.copy')}</button>
      <span role="status" className="muted">{state === 'copied' ? ` ${t('copy.copied')}` : state === 'failed' ? ` ${t('copy.failed')}` : ''}</span>
    </>
  );
}
