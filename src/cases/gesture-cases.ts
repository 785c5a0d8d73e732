// What gestures need of the case engine, handed to them (gestures sit below cases and may not import it):
// a gesture given on a case is a message of its conversation, an interaction on the customer's timeline,
// and an event of its history.
import type { GestureCases } from '../gestures/index.ts';
import { findCase, insertCaseMessage, recordCaseEvent } from './store.ts';
import { recordStaffInteraction } from './timeline.ts';

export const gestureCases: GestureCases = {
  findCase,
  recordCaseEvent,
  async postGesture(tx, gesture) {
    const { interactionId } = await recordStaffInteraction(tx, {
      customerId: gesture.customerId,
      channel: 'system',
      direction: 'outbound',
      type: 'gesture',
      text: gesture.text,
      department: gesture.department,
      staffId: gesture.staffId,
      properties: gesture.properties,
      at: gesture.at,
    });
    if (gesture.caseId) {
      await insertCaseMessage(tx, {
        caseId: gesture.caseId,
        interactionId,
        kind: 'gesture',
        authorStaffId: gesture.staffId,
        at: gesture.at,
      });
    }
    return { interactionId };
  },
};
