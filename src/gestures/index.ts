// The front door of gestures: what other capabilities may use. Everything else in this folder is its own business.
export { setPerGestureLimit } from './limits.ts';
export { GESTURE_KINDS, GESTURE_STATUSES, type GestureKind, type GestureStatus } from './model.ts';
export {
  decideOnGesture,
  type GestureCases,
  issueGesture,
  listPendingGestures,
  type PostedGesture,
} from './service.ts';
export { gestureErrors } from './errors.ts';
export { gesturesOfCase } from './store.ts';
export { type GestureRow, type GestureView, toGestureView } from './view.ts';
export { GestureSchema, PendingGestureListSchema } from './responses.ts';
