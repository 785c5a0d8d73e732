// The front door of gestures: what other capabilities may use. Everything else in this folder is its own business.
export { setPerGestureLimit } from './limits.ts';
export { GESTURE_KINDS } from './model.ts';
export { fromMinorUnits, isCurrency, toMinorUnits } from './money.ts';
export { decideOnGesture, issueGesture, listPendingGestures } from './service.ts';
export { gesturesOfCase } from './store.ts';
export { type GestureRow, type GestureView, toGestureView } from './view.ts';
export { GestureSchema, PendingGestureListSchema } from './responses.ts';
