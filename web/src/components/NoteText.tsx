// The text of an internal note with its @mentions marked: yours stand out, a colleague's are tinted.
import { Fragment } from 'react';
import { splitMentions } from '../mentions.ts';

export function NoteText({ text, myEmail, className }: { text: string; myEmail: string; className: string }) {
  return (
    <p className={className}>
      {splitMentions(text, myEmail).map((segment, index) =>
        segment.mention === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text never reorder; the same words can repeat
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text never reorder; the same name can repeat
            key={index}
            className={`mention-name mention-${segment.mention}`}
            data-testid={segment.mention === 'me' ? 'mention-of-me' : undefined}
          >
            {segment.text}
          </mark>
        ),
      )}
    </p>
  );
}
