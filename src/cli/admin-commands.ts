// `rapport writekey|token|staff …`: the administration commands — write keys, personal API tokens and staff
// accounts, each change audited under the operating-system user.
import { userInfo } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { configFrom } from './config.ts';
import type { Cli } from './io.ts';
import { openDatabase } from '../app/app.ts';
import { createWriteKey, listWriteKeys } from '../ingest/index.ts';
import { createApiToken, createStaff } from '../staff/index.ts';
import { listApiTokensByEmail, revokeApiToken } from '../staff/index.ts';
import { PASSWORD_RULE, passwordProblem } from '../staff/index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import { ROLES, type Role } from '../staff/index.ts';

export function registerWriteKeyCommands(program: Command, cli: Cli): void {
  const writekey = program.command('writekey').description('Write keys for the tracking API');
  writekey
    .command('create')
    .description('Create a write key and print it (shown once)')
    .requiredOption('--name <name>', 'what sends with it, e.g. "Web shop"')
    .option('--source <source>', 'system name for its userIds (default: from the name), e.g. shopify')
    .action(async (options: { name: string; source?: string }, command: Command) => {
      const db = await openDatabase(configFrom(command, cli));
      try {
        const { writeKey, key } = await db.transaction(async (tx) => {
          const created = await createWriteKey(tx, { name: options.name, source: options.source, createdBy: null });
          await recordAudit(
            tx,
            cliAuditEntry('write_key.created', created.writeKey.id, { name: options.name, source: options.source }),
          );
          return created;
        });
        cli.print(`Write key for "${writeKey.name}" (source ${writeKey.source}, id ${writeKey.id}):\n${key}`);
        cli.print('Send it as the HTTP Basic user name to /v1/*. It is shown only now.');
      } finally {
        await db.close();
      }
    });
  writekey
    .command('list')
    .description('List write keys')
    .action(async (_options: unknown, command: Command) => {
      const db = await openDatabase(configFrom(command, cli));
      try {
        for (const key of await listWriteKeys(db)) {
          cli.print(`${key.id}\t${key.name}\t${key.source}\t${key.keyHint}\t${key.revokedAt ? 'revoked' : 'active'}`);
        }
      } finally {
        await db.close();
      }
    });
}

export function registerTokenCommands(program: Command, cli: Cli): void {
  const token = program.command('token').description('Personal API tokens');
  token
    .command('create')
    .description('Create a personal API token for a staff member and print it (shown once)')
    .requiredOption('--email <email>', 'the staff member')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (options: { email: string; name: string }, command: Command) => {
      const db = await openDatabase(configFrom(command, cli));
      try {
        const { token, staff } = await db.transaction(async (tx) => {
          const created = await createApiToken(tx, options.email, options.name);
          await recordAudit(
            tx,
            cliAuditEntry('api_token.created', created.staff.id, { email: options.email, name: options.name }),
          );
          return created;
        });
        cli.print(`Token for ${staff.email} (${staff.role}):\n${token}`);
        cli.print('Send it as "Authorization: Bearer <token>" to /api/*. It is shown only now.');
      } finally {
        await db.close();
      }
    });

  token
    .command('list')
    .description("List a staff member's tokens: id, name, created, last used, revoked")
    .requiredOption('--email <email>', 'the staff member')
    .action(async (options: { email: string }, command: Command) => {
      const db = await openDatabase(configFrom(command, cli));
      try {
        const { staff, tokens } = await listApiTokensByEmail(db, options.email);
        if (tokens.length === 0) cli.print(`${staff.email} has no tokens.`);
        for (const item of tokens) {
          const state = item.revokedAt ? `revoked ${item.revokedAt}` : 'active';
          cli.print(
            `${item.id}\t${item.name}\tcreated ${item.createdAt}\tlast used ${item.lastUsedAt ?? 'never'}\t${state}`,
          );
        }
      } finally {
        await db.close();
      }
    });
  token
    .command('revoke')
    .description('Revoke a token by its id (from `token list`); it stops working at once')
    .argument('<id>', 'the token id, tok_…')
    .action(async (id: string, _options: unknown, command: Command) => {
      const db = await openDatabase(configFrom(command, cli));
      try {
        const revoked = await db.transaction(async (tx) => {
          const done = await revokeApiToken(tx, 'operator', id);
          await recordAudit(
            tx,
            cliAuditEntry('api_token.revoked', done.id, { staffId: done.staffId, name: done.name }),
          );
          return done;
        });
        cli.print(`Revoked token ${revoked.id} (${revoked.name}).`);
      } finally {
        await db.close();
      }
    });
}

export function registerStaffCommands(program: Command, cli: Cli): void {
  program
    .command('staff')
    .description('Staff accounts')
    .command('create')
    .description('Create a staff account')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, role)
    .option('--department <department>')
    .requiredOption('--password <password>', PASSWORD_RULE)
    .action(
      async (
        options: { email: string; name: string; role: Role; department?: string; password: string },
        command: Command,
      ) => {
        const problem = passwordProblem(options.password);
        if (problem) throw new InvalidArgumentError(`--password ${problem}`);
        const db = await openDatabase(configFrom(command, cli));
        try {
          const staff = await db.transaction(async (tx) => {
            const created = await createStaff(tx, options);
            const { password: _password, ...input } = options;
            await recordAudit(tx, cliAuditEntry('staff.created', created.id, input));
            return created;
          });
          cli.print(`Created ${staff.role} ${staff.email} (${staff.id})`);
        } finally {
          await db.close();
        }
      },
    );
}

/** The command line has no signed-in staff member: the entry names the operating-system user instead. */
function cliAuditEntry(action: string, target: string, input: Record<string, unknown>): AuditEntry {
  return {
    actorKind: 'cli',
    actorId: null,
    action,
    customerId: null,
    detail: { target, input, osUser: userInfo().username },
  };
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value as Role;
}
