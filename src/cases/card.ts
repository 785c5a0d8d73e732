// The cases section of the customer's context card: what is still open, for whoever picks up next.
import type { Db } from '../store/db.ts';
import { profilesOf } from '../customers/index.ts';
import type { OpenCaseRef, OpenCasesSource } from '../customers/index.ts';
import * as store from './store.ts';

const OPEN_CASES_ON_CARD = 10;

export const openCasesForCard: OpenCasesSource = async (db: Db, customerId: string): Promise<OpenCaseRef[]> => {
  const records = await store.activeCasesOf(db, await profilesOf(db, customerId), OPEN_CASES_ON_CARD);
  return records.map((record) => ({
    id: record.id,
    number: record.number,
    subject: record.subject,
    status: record.status,
    priority: record.priority,
    reason: record.reason,
    channel: record.channel,
    assigneeId: record.assigneeId,
    openedAt: new Date(record.openedAt).toISOString(),
  }));
};
