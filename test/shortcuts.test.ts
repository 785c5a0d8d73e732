// The keyboard shortcut rules (web/src/shortcuts.ts), without a browser: which key does what, never
// while typing or with Ctrl, Cmd or Alt, the `g i` sequence, and moving through a queue with j/k.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INITIAL_SHORTCUT_STATE,
  SEQUENCE_WINDOW_MS,
  SHORTCUTS,
  moveSelection,
  neighbourIn,
  shortcutFor,
  type KeyPress,
} from '../web/src/shortcuts.ts';

const actionOf = (press: KeyPress) => shortcutFor(press, INITIAL_SHORTCUT_STATE, 0).action;

test('each key of the common path names its action', () => {
  assert.equal(actionOf({ key: 'j' }), 'next');
  assert.equal(actionOf({ key: 'k' }), 'previous');
  assert.equal(actionOf({ key: 'r' }), 'reply');
  assert.equal(actionOf({ key: 'n' }), 'note');
  assert.equal(actionOf({ key: 't' }), 'take');
  assert.equal(actionOf({ key: 'e' }), 'resolve');
  assert.equal(actionOf({ key: 'R', shiftKey: true }), 'resolve', 'Shift+R resolves too');
  assert.equal(actionOf({ key: '/' }), 'search');
  assert.equal(actionOf({ key: '?', shiftKey: true }), 'help', 'Shift is how ? is typed');
  assert.equal(actionOf({ key: 'x' }), null);
  assert.equal(actionOf({ key: 'J', shiftKey: true }), null, 'a capital other than R is no shortcut');
  assert.equal(actionOf({ key: 'Enter' }), null);
  assert.equal(actionOf({ key: 'Shift', shiftKey: true }), null);
});

test('never while typing in a field, nor with Ctrl, Cmd or Alt, nor on a held key', () => {
  for (const targetTag of ['INPUT', 'TEXTAREA', 'SELECT', 'input'])
    assert.equal(actionOf({ key: 'r', targetTag }), null, targetTag);
  assert.equal(actionOf({ key: 'r', targetTag: 'DIV', targetEditable: true }), null, 'contenteditable');
  assert.equal(actionOf({ key: 'r', targetTag: 'BUTTON' }), 'reply', 'a focused button is not typing');
  assert.equal(actionOf({ key: 'r', targetTag: 'A' }), 'reply');
  assert.equal(actionOf({ key: 'r', ctrlKey: true }), null, 'Ctrl+R reloads the page');
  assert.equal(actionOf({ key: 'k', metaKey: true }), null);
  assert.equal(actionOf({ key: 'n', altKey: true }), null);
  assert.equal(actionOf({ key: 'j', repeat: true }), null);
});

test('g then i goes to the inbox, within a short time, and g alone does nothing', () => {
  const afterG = shortcutFor({ key: 'g' }, INITIAL_SHORTCUT_STATE, 1000);
  assert.equal(afterG.action, null);
  assert.equal(shortcutFor({ key: 'i' }, afterG.state, 1500).action, 'inbox');
  assert.equal(shortcutFor({ key: 'i' }, afterG.state, 1000 + SEQUENCE_WINDOW_MS + 1).action, null, 'too late');
  assert.equal(shortcutFor({ key: 'j' }, afterG.state, 1200).action, null, 'g then j is not j');
  assert.equal(shortcutFor({ key: 'i' }, INITIAL_SHORTCUT_STATE, 0).action, null, 'i alone is nothing');
  assert.deepEqual(
    shortcutFor({ key: 'i', targetTag: 'INPUT' }, afterG.state, 1200).state,
    INITIAL_SHORTCUT_STATE,
    'typing ends a sequence',
  );
  assert.deepEqual(shortcutFor({ key: 'Shift' }, afterG.state, 1200).state, afterG.state, 'a lone Shift keeps it');
});

test('j/k move through a queue and stop at its ends', () => {
  assert.equal(neighbourIn([1001, 1005, 1003], 1005, 'next'), 1003);
  assert.equal(neighbourIn([1001, 1005, 1003], 1005, 'previous'), 1001);
  assert.equal(neighbourIn([1001, 1005, 1003], 1003, 'next'), null);
  assert.equal(neighbourIn([1001, 1005, 1003], 1001, 'previous'), null);
  assert.equal(neighbourIn([1001], 9999, 'next'), null, 'a case not in the queue');
  assert.equal(moveSelection(3, -1, 'next'), 0);
  assert.equal(moveSelection(3, -1, 'previous'), 2);
  assert.equal(moveSelection(3, 2, 'next'), 2);
  assert.equal(moveSelection(3, 0, 'previous'), 0);
  assert.equal(moveSelection(3, 1, 'next'), 2);
  assert.equal(moveSelection(0, -1, 'next'), -1);
});

test('the overlay lists every action once, with the keys that do it', () => {
  const actions = SHORTCUTS.map((shortcut) => shortcut.action);
  assert.deepEqual([...new Set(actions)].sort(), [
    'help',
    'inbox',
    'next',
    'note',
    'previous',
    'reply',
    'resolve',
    'search',
    'take',
  ]);
  assert.equal(actions.length, new Set(actions).size);
  for (const shortcut of SHORTCUTS) {
    for (const keys of shortcut.keys) {
      // What the overlay says must be what the rules do.
      const steps = keys.split(' ');
      let state = INITIAL_SHORTCUT_STATE;
      let action = null;
      for (const step of steps) {
        const key = step === 'Shift+R' ? 'R' : step;
        ({ action, state } = shortcutFor({ key, shiftKey: step.startsWith('Shift') || key === '?' }, state, 0));
      }
      assert.equal(action, shortcut.action, keys);
    }
  }
});
