// The contact reasons staff gave cases, as labels to train a reason model on. Only a reason a staff member set or
// corrected counts (case_events by a staff actor): a reason the keyword guesser put on a case at its opening
// is a guess, not a label, and training on it would teach the model the guesser's mistakes.
import type { Db } from '../store/db.ts';

export interface ReasonLabel {
  text: string;
  label: string;
}

/**
 * Each case whose last change of reason was a staff member's and left a reason, with the text of the case's
 * first inbound message. Read when a manager trains, not per event: it scans case_events.
 */
export async function staffReasonLabels(db: Db): Promise<ReasonLabel[]> {
  return db.all<ReasonLabel>(
    `WITH reason_changes AS (
       SELECT case_id, actor_kind, json_extract(change, '$.reason[1]') AS reason,
              ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY at DESC, id DESC) AS recency
       FROM case_events
       WHERE json_type(change, '$.reason') = 'array'
     )
     SELECT first_message.text AS text, r.reason AS label
     FROM reason_changes r
     JOIN interactions first_message ON first_message.id = (
       SELECT m.interaction_id FROM case_messages m
       WHERE m.case_id = r.case_id AND m.kind = 'inbound'
       ORDER BY m.at, m.id LIMIT 1
     )
     WHERE r.recency = 1 AND r.actor_kind = 'staff' AND r.reason IS NOT NULL
       AND first_message.text IS NOT NULL AND trim(first_message.text) <> ''
     ORDER BY r.case_id`,
  );
}
