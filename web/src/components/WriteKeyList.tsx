// The write keys there are: which source each serves, when it was last used, and a guarded Revoke.
import { absoluteTime, formatDate, relativeTime } from '../time.ts';
import type { WriteKey } from '../api/types.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

export function WriteKeyList({ keys, onRevoke }: { keys: WriteKey[]; onRevoke: (key: WriteKey) => Promise<void> }) {
  if (keys.length === 0)
    return <p className="empty-state">No write keys yet. Create one for each system that sends events.</p>;
  return (
    <table className="data-table" aria-label="Write keys">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Source</th>
          <th scope="col">Key</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} data-testid="write-key" className={key.revokedAt ? 'revoked' : undefined}>
            <td>{key.name}</td>
            <td>
              <code>{key.source}</code>
            </td>
            <td>
              <code>{key.keyHint}</code>
            </td>
            <td>{formatDate(key.createdAt)}</td>
            <td>
              {key.lastUsedAt ? (
                <span title={absoluteTime(key.lastUsedAt)}>{relativeTime(key.lastUsedAt)}</span>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td>
              {key.revokedAt ? (
                <span className="status status-off">Revoked {formatDate(key.revokedAt)}</span>
              ) : (
                <span className="status-cell">
                  <span className="status status-on">Active</span>
                  <ConfirmButton
                    label="Revoke"
                    question={`Revoke “${key.name}”? Events sent with it are refused from now on.`}
                    onConfirm={() => onRevoke(key)}
                  />
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
