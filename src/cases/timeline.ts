// Staff actions on a case (replies, notes, gestures) are interactions too: they go through the same
// pipeline, so the customer's timeline and every metric see them.
import type { Db } from '../store/db.ts';
import { newId } from '../shared/ids.ts';
import { ingestEvents } from '../pipeline/index.ts';
import type { Channel, Direction } from '../interactions/index.ts';

export interface StaffInteraction {
  customerId: string;
  channel: Channel;
  direction: Direction;
  type: string;
  text: string | null;
  department: string | null;
  staffId: string | null;
  properties: Record<string, unknown>;
  at: number;
}

export async function recordStaffInteraction(
  tx: Db,
  interaction: StaffInteraction,
): Promise<{ interactionId: number; customerId: string }> {
  const report = await ingestEvents(tx, [
    {
      source: 'rapport',
      sourceId: newId(interaction.type),
      identities: [],
      customerId: interaction.customerId,
      occurredAt: interaction.at,
      channel: interaction.channel,
      direction: interaction.direction,
      type: interaction.type,
      event: null,
      department: interaction.department,
      actor: interaction.staffId ? `staff:${interaction.staffId}` : 'automation',
      text: interaction.text,
      properties: interaction.properties,
      context: null,
    },
  ]);
  const result = report.results[0]!;
  return { interactionId: Number(result.interactionId), customerId: result.customerId! };
}
