// Copies a text shown once (a write key, a survey link) to the clipboard, saying so; where the browser refuses,
// it says how to copy by hand, since the text is on screen and selectable.
import { useState } from 'react';

export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // The clipboard needs permission (and HTTPS away from localhost); selecting the text is the fallback.
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" className="primary" onClick={copy}>
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      {copied === 'failed' && (
        <p className="field-error copy-failed">
          The browser did not allow copying; select the {what} and press Ctrl+C (⌘C).
        </p>
      )}
    </>
  );
}
