// The "Idea…" action on a customer's own message with words, for staff who work cases: her words become a request.
import { useState } from 'react';
import type { Interaction } from '../api/types.ts';
import { useCan } from '../permissions.ts';
import { MessageIdeaDialog } from './MessageIdeaDialog.tsx';

export function MessageIdeaAction({ interaction }: { interaction: Interaction }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (interaction.direction !== 'inbound' || !interaction.text?.trim() || !can('cases:write')) return null;
  return (
    <div className="message-idea-action">
      <button type="button" className="small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Idea…
      </button>
      {open && <MessageIdeaDialog interaction={interaction} onClose={() => setOpen(false)} />}
    </div>
  );
}
