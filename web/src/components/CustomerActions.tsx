// What staff may do with a customer from her page: send her a survey (agents), and her data rights for those
// allowed them: export everything we hold, or erase it for good.
import { useState } from 'react';
import { api } from '../api.ts';
import { cardLabel, UNNAMED_CUSTOMER } from '../customer-label.ts';
import { useCan } from '../permissions.ts';
import type { ContextCard, Erasure } from '../api/types.ts';
import { EraseDialog } from './EraseDialog.tsx';
import { SendSurveyDialog } from './SendSurveyDialog.tsx';

export function CustomerActions({ card, onErased }: { card: ContextCard; onErased: (erasure: Erasure) => void }) {
  const can = useCan();
  const [erasing, setErasing] = useState(false);
  const [surveying, setSurveying] = useState(false);
  if (!can('customers:export') && !can('customers:erase') && !can('cases:write')) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own border and legend; these are a row of buttons named as one group
    <div className="page-actions" role="group" aria-label="Customer actions">
      {can('cases:write') && (
        <button type="button" onClick={() => setSurveying(true)}>
          Send a survey
        </button>
      )}
      {can('customers:export') && (
        // A plain link: the browser streams the JSON attachment to disk under the server's file name.
        <a className="button-link" href={api.exportUrl(card.id)} download>
          Export data
        </a>
      )}
      {can('customers:erase') && (
        <button type="button" className="danger" onClick={() => setErasing(true)}>
          Erase customer
        </button>
      )}
      {surveying && (
        <SendSurveyDialog
          customerId={card.id}
          customerName={cardLabel(card) ?? UNNAMED_CUSTOMER}
          onClose={() => setSurveying(false)}
        />
      )}
      {erasing && <EraseDialog card={card} onClose={() => setErasing(false)} onErased={onErased} />}
    </div>
  );
}
