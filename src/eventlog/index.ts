// The event log: where every ingest edge appends what it accepted, and the projector reads it back in order.
export { type Appended, EventLog, eventKey, type LogEntry, type LoggedEvent, type Origin } from './log.ts';
