// Secrets never reach the audit trail, however deep in the input they sit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { administrativeAuditEntry, redactSecrets } from './administrative.ts';

test('passwords, tokens and secrets are redacted at any depth; other input is kept as sent', () => {
  assert.deepEqual(
    redactSecrets({
      name: 'Mo',
      password: 'hunter2',
      smtp: { user: 'x', clientSecret: 's' },
      list: [{ apiToken: 't', n: 1 }],
    }),
    {
      name: 'Mo',
      password: '[redacted]',
      smtp: { user: 'x', clientSecret: '[redacted]' },
      list: [{ apiToken: '[redacted]', n: 1 }],
    },
  );
  assert.deepEqual(redactSecrets({ password: null }), { password: null }, 'an absent secret stays absent');
});

test('the entry names its target from the path, or from what the change created', () => {
  const ctx = { actor: { kind: 'staff' as const, id: 'stf_1', ip: '127.0.0.1', requestId: 'req-1' } };
  assert.equal(
    administrativeAuditEntry('team.changed', ctx, { id: 'team_1' }, { name: 'A' }, { id: 'team_1' }).detail?.target,
    'team_1',
  );
  assert.equal(
    administrativeAuditEntry('team.created', ctx, undefined, { name: 'A' }, { id: 'team_2' }).detail?.target,
    'team_2',
  );
  assert.equal(
    administrativeAuditEntry('flag_rule.changed', ctx, { flag: 'vip' }, {}, undefined).detail?.target,
    'vip',
  );
  const deleted = administrativeAuditEntry('template.deleted', ctx, { id: 'tpl_1' }, undefined, undefined);
  assert.deepEqual(deleted.detail, { target: 'tpl_1' });
  assert.equal(deleted.customerId, null);
});
