// One audit entry opened up: what an administrative change was sent (secrets already redacted by the server),
// anything else the entry holds, and where the request came from, to match it with server logs.
import { detailOf, detailsOf, prettyJson } from '../../audit/describe.ts';
import type { AuditEntry } from '../../audit/types.ts';

export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { input, other } = detailsOf(entry);
  const detail = detailOf(entry);
  const administrative = detail !== null && 'target' in detail;
  return (
    <dl className="kv audit-details" data-testid="audit-details">
      {administrative && (
        <div>
          <dt>Input</dt>
          <dd>
            {input === undefined ? (
              <span className="muted">None</span>
            ) : (
              <pre className="audit-json">{prettyJson(input)}</pre>
            )}
          </dd>
        </div>
      )}
      {other && (
        <div>
          <dt>Detail</dt>
          <dd>
            <pre className="audit-json">{prettyJson(other)}</pre>
          </dd>
        </div>
      )}
      <div>
        <dt>IP address</dt>
        <dd>{entry.ip ?? <span className="muted">—</span>}</dd>
      </div>
      <div>
        <dt>Request id</dt>
        <dd>{entry.requestId ? <code>{entry.requestId}</code> : <span className="muted">—</span>}</dd>
      </div>
    </dl>
  );
}
