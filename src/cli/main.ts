// The `rapport` command: administration and bulk import against the embedded database.
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { configFrom } from './config.ts';
import { openDatabase } from '../app/app.ts';
import { createWriteKey, listWriteKeys } from '../ingest/index.ts';
import { createApiToken, createStaff } from '../staff/index.ts';
import { listApiTokensByEmail, revokeApiToken } from '../staff/index.ts';
import { PASSWORD_RULE, passwordProblem } from '../staff/index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import { ROLES, type Role } from '../staff/index.ts';
import { RapportError } from '../http/errors.ts';
import { registerImportCommand } from './import-command.ts';
import { registerReplayCommand } from './replay-command.ts';

const program = new Command();
program
  .name('rapport')
  .description('Rapport command line: keys, tokens, staff, bulk import and feed replay.')
  .option('--data-dir <dir>', 'data folder (default: $RAPPORT_DATA_DIR or ./data)');

const writekey = program.command('writekey').description('Write keys for the tracking API');
writekey
  .command('create')
  .description('Create a write key and print it (shown once)')
  .requiredOption('--name <name>', 'what sends with it, e.g. "Web shop"')
  .option('--source <source>', 'system name for its userIds (default: from the name), e.g. shopify')
  .action(async (options: { name: string; source?: string }, command: Command) => {
    const db = await openDatabase(configFrom(command));
    try {
      const { writeKey, key } = await db.transaction(async (tx) => {
        const created = await createWriteKey(tx, { name: options.name, source: options.source, createdBy: null });
        await recordAudit(
          tx,
          cliAuditEntry('write_key.created', created.writeKey.id, { name: options.name, source: options.source }),
        );
        return created;
      });
      console.log(`Write key for "${writeKey.name}" (source ${writeKey.source}, id ${writeKey.id}):\n${key}`);
      console.log('Send it as the HTTP Basic user name to /v1/*. It is shown only now.');
    } finally {
      await db.close();
    }
  });
writekey
  .command('list')
  .description('List write keys')
  .action(async (_options: unknown, command: Command) => {
    const db = await openDatabase(configFrom(command));
    try {
      for (const key of await listWriteKeys(db)) {
        console.log(`${key.id}\t${key.name}\t${key.source}\t${key.keyHint}\t${key.revokedAt ? 'revoked' : 'active'}`);
      }
    } finally {
      await db.close();
    }
  });

const token = program.command('token').description('Personal API tokens');
token
  .command('create')
  .description('Create a personal API token for a staff member and print it (shown once)')
  .requiredOption('--email <email>', 'the staff member')
  .option('--name <name>', 'what the token is for', 'cli')
  .action(async (options: { email: string; name: string }, command: Command) => {
    const db = await openDatabase(configFrom(command));
    try {
      const { token, staff } = await db.transaction(async (tx) => {
        const created = await createApiToken(tx, options.email, options.name);
        await recordAudit(
          tx,
          cliAuditEntry('api_token.created', created.staff.id, { email: options.email, name: options.name }),
        );
        return created;
      });
      console.log(`Token for ${staff.email} (${staff.role}):\n${token}`);
      console.log('Send it as "Authorization: Bearer <token>" to /api/*. It is shown only now.');
    } finally {
      await db.close();
    }
  });

token
  .command('list')
  .description("List a staff member's tokens: id, name, created, last used, revoked")
  .requiredOption('--email <email>', 'the staff member')
  .action(async (options: { email: string }, command: Command) => {
    const db = await openDatabase(configFrom(command));
    try {
      const { staff, tokens } = await listApiTokensByEmail(db, options.email);
      if (tokens.length === 0) console.log(`${staff.email} has no tokens.`);
      for (const item of tokens) {
        const state = item.revokedAt ? `revoked ${item.revokedAt}` : 'active';
        console.log(
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
    const db = await openDatabase(configFrom(command));
    try {
      const revoked = await db.transaction(async (tx) => {
        const done = await revokeApiToken(tx, 'operator', id);
        await recordAudit(tx, cliAuditEntry('api_token.revoked', done.id, { staffId: done.staffId, name: done.name }));
        return done;
      });
      console.log(`Revoked token ${revoked.id} (${revoked.name}).`);
    } finally {
      await db.close();
    }
  });

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
      const db = await openDatabase(configFrom(command));
      try {
        const staff = await db.transaction(async (tx) => {
          const created = await createStaff(tx, options);
          const { password: _password, ...input } = options;
          await recordAudit(tx, cliAuditEntry('staff.created', created.id, input));
          return created;
        });
        console.log(`Created ${staff.role} ${staff.email} (${staff.id})`);
      } finally {
        await db.close();
      }
    },
  );

registerImportCommand(program);
registerReplayCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof RapportError || error instanceof InvalidArgumentError) {
    console.error(`rapport: ${error.message}`);
    process.exit(error instanceof RapportError && error.status === 404 ? 3 : 2);
  }
  // A file the system cannot read (permissions, a folder): its message, not a stack trace.
  const code = (error as NodeJS.ErrnoException).code;
  if (code && ['EACCES', 'EISDIR', 'ENOENT', 'EPERM'].includes(code)) {
    console.error(`rapport: ${(error as Error).message}`);
    process.exit(2);
  }
  throw error;
}
