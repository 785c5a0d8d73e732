// Someone's personal API tokens: name, created, last used, and a guarded Revoke for the live ones.
import { absoluteTime, formatDate, relativeTime } from '../time.ts';
import type { ApiToken } from '../staff-api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

interface StaffTokenListProps {
  tokens: ApiToken[];
  /** Whose tokens, for the table's name and the empty state: "your" or "Sam's". */
  owner: string;
  onRevoke: (token: ApiToken) => Promise<void>;
}

export function StaffTokenList({ tokens, owner, onRevoke }: StaffTokenListProps) {
  if (tokens.length === 0) return <p className="empty-state">No API tokens.</p>;
  return (
    <table className="data-table token-table" aria-label={`API tokens of ${owner}`}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-testid="api-token" className={token.revokedAt ? 'revoked' : undefined}>
            <td>{token.name}</td>
            <td>{formatDate(token.createdAt)}</td>
            <td>
              {token.lastUsedAt ? (
                <span title={absoluteTime(token.lastUsedAt)}>{relativeTime(token.lastUsedAt)}</span>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td>
              {token.revokedAt ? (
                <span className="status status-off">Revoked {formatDate(token.revokedAt)}</span>
              ) : (
                <span className="status-cell">
                  <span className="status status-on">Active</span>
                  <ConfirmButton
                    label="Revoke"
                    question={`Revoke “${token.name}”? Scripts using it are refused from now on.`}
                    onConfirm={() => onRevoke(token)}
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
