// The secret of a key just created, shown this once with a Copy button and a curl line to try it.
import type { CreatedWriteKey } from '../api/types.ts';
import { CopyButton } from './CopyButton.tsx';

export function NewWriteKey({ created, onDone }: { created: CreatedWriteKey; onDone: () => void }) {
  const example = `curl -u ${created.key}: ${window.location.origin}/v1/track -H 'content-type: application/json' -d '{"userId":"u1","event":"Signed Up"}'`;

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
        <CopyButton text={created.key} what="key" />
      </div>
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
