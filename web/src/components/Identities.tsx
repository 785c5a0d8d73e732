// The ways we know a customer, grouped by family: emails, phones, social handles, ids in other systems.
import { IDENTITY_FAMILIES, identityFamily, identityText } from '../labels.ts';
import { formatDate } from '../time.ts';
import type { Identity } from '../api/types.ts';

export function Identities({ identities }: { identities: Identity[] }) {
  if (identities.length === 0) return <p className="muted">No identities yet.</p>;
  const groups = IDENTITY_FAMILIES.map((family) => ({
    family,
    members: identities.filter((identity) => identityFamily(identity.kind) === family),
  })).filter((group) => group.members.length > 0);
  return (
    <dl className="identity-groups">
      {groups.map(({ family, members }) => (
        <div key={family} className="identity-group">
          <dt>{family}</dt>
          {members.map((identity) => (
            <dd
              key={`${identity.kind}:${identity.value}`}
              data-testid="identity"
              data-kind={identity.kind}
              title={`Known since ${formatDate(identity.createdAt)}`}
            >
              {identityText(identity.kind, identity.value)}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
