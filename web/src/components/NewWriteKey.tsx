// The secret of a key just created, shown this once with a Copy button and a curl line to try it.
import { useState } from 'react';
import type { CreatedWriteKey } from '../api/types.ts';

export function NewWriteKey({ created, onDone }: { created: CreatedWriteKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const example = `curl -u ${created.key}: ${window.location.origin}/v1/track -H 'content-type: application/json' -d '{"userId":"u1","event":"Signed Up"}'`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      // The clipboard needs permission (and HTTPS away from localhost); selecting the text is the fallback.
      setCopied('failed');
    }
  };

  return (
    <section className="new-key" data-testid="new-key" aria-labelledby="created-key-heading">
      <h2 id="created-key-heading">Write key for {created.name} created</h2>
      <p className="new-key-warning">
        <strong>Copy it now: it will not be shown again.</strong> Only its hint, <code>{created.keyHint}</code>, stays
        visible here.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="new-key-value">
          {created.key}
        </code>
        <button type="button" className="primary" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && (
        <p className="field-error">The browser did not allow copying; select the key and press Ctrl+C (⌘C).</p>
      )}
      <p className="muted">Try it: this sends one event as the source “{created.source}”.</p>
      <pre className="example" data-testid="curl-example">
        {example}
      </pre>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
