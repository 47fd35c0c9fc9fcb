/**
 * `npm run users -- <command>`: people and tokens, in the store the server uses (DATA_DIR, or
 * DATABASE_URL/DATABASE_SCHEMA). Every change is written to the audit log as actor cli:<user>.
 *
 *   add <username> --role officer|leader|admin [--name 显示名] [--scope <regionId>] [--password-stdin]
 *   passwd <username> [--password-stdin]        disable <username>        enable <username>
 *   list
 *   token add --name <name> --role viewer|ingest [--scope <regionId>]      (prints the token once)
 *   token list        token revoke <id>
 *
 * Without --password-stdin a random password is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { loadConfig } from '../server/config';
import { openStores } from '../server/store/openStores';
import { hashPassword } from '../server/auth/passwords';
import { newApiToken } from '../server/auth/apiTokens';
import { PERSON_ROLES, TOKEN_ROLES, type Role } from '../shared/auth/roles';
import type { AuthStore } from '../server/auth/authStore';

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function roleOf(value: string | undefined, allowed: readonly Role[]): Role {
  if (!value || !allowed.includes(value as Role)) throw new UsageError(`--role must be one of ${allowed.join(', ')}`);
  return value as Role;
}

async function run(argv: string[], store: AuthStore, out: (s: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const [cmd, sub, arg] = positionals;
  const actor = { atMs: Date.now(), actor: `cli:${userInfo().username}`, actorRole: 'admin' as Role, ip: 'cli' };
  const scope = values.scope ?? null;
  if (scope !== null && !/^\d{6,15}$/.test(scope)) throw new UsageError('--scope must be a region id (6–15 digits)');
  const password = async () => (values['password-stdin'] ? await readStdin() : randomBytes(9).toString('base64url'));

  switch (cmd) {
    case 'add': {
      if (!sub) throw new UsageError('add <username> --role …');
      const role = roleOf(values.role, PERSON_ROLES);
      const pw = await password();
      if (pw.length < 8) throw new UsageError('password must be at least 8 characters');
      const r = await store.addUser({ username: sub, displayName: values.name ?? sub, role, scopeRegionId: scope, passwordHash: await hashPassword(pw), disabled: false });
      if (r === 'exists') throw new UsageError(`user ${sub} exists`);
      await store.audit({ ...actor, action: 'user.add', target: sub, detail: { role, scope } });
      out(`added ${sub} (${role}${scope ? `, scope ${scope}` : ''})${values['password-stdin'] ? '' : `\npassword: ${pw}`}`);
      return;
    }
    case 'passwd': {
      if (!sub) throw new UsageError('passwd <username>');
      const pw = await password();
      if (pw.length < 8) throw new UsageError('password must be at least 8 characters');
      if (!(await store.updateUser(sub, { passwordHash: await hashPassword(pw) }))) throw new UsageError(`no user ${sub}`);
      await store.audit({ ...actor, action: 'user.passwd', target: sub, detail: {} });
      out(`password of ${sub} changed${values['password-stdin'] ? '' : `\npassword: ${pw}`}`);
      return;
    }
    case 'disable':
    case 'enable': {
      if (!sub) throw new UsageError(`${cmd} <username>`);
      if (!(await store.updateUser(sub, { disabled: cmd === 'disable' }))) throw new UsageError(`no user ${sub}`);
      await store.audit({ ...actor, action: `user.${cmd}`, target: sub, detail: {} });
      out(`${sub} ${cmd}d`);
      return;
    }
    case 'list':
      for (const u of await store.listUsers())
        out(`${u.username}\t${u.role}\t${u.scopeRegionId ?? 'all'}\t${u.disabled ? 'disabled' : 'active'}\t${u.displayName}`);
      return;
    case 'token':
      if (sub === 'add') {
        const role = roleOf(values.role, TOKEN_ROLES);
        if (!values.name) throw new UsageError('token add --name <name> --role viewer|ingest');
        const { token, hash } = newApiToken();
        const id = `t_${randomBytes(4).toString('hex')}`;
        await store.addToken({ id, name: values.name, role, scopeRegionId: scope, hash });
        await store.audit({ ...actor, action: 'token.add', target: id, detail: { role, scope, name: values.name } });
        out(`token ${id} (${role}) for ${values.name}; shown once, keep it:\n${token}`);
        if (role === 'viewer') out(`wall screen URL: http://<server>:<port>/?screen=${token}`);
        return;
      }
      if (sub === 'list') {
        for (const t of await store.listTokens()) out(`${t.id}\t${t.role}\t${t.scopeRegionId ?? 'all'}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\t${t.name}`);
        return;
      }
      if (sub === 'revoke') {
        if (!arg) throw new UsageError('token revoke <id>');
        if (!(await store.revokeToken(arg))) throw new UsageError(`no active token ${arg}`);
        await store.audit({ ...actor, action: 'token.revoke', target: arg, detail: {} });
        out(`token ${arg} revoked`);
        return;
      }
      throw new UsageError('token add|list|revoke');
    default:
      throw new UsageError('commands: add, passwd, disable, enable, list, token add|list|revoke');
  }
}

const stores = await openStores(loadConfig());
try {
  await run(process.argv.slice(2), stores.authStore, (s) => console.log(s));
} catch (err) {
  console.error(err instanceof UsageError ? `users: ${err.message}` : err);
  process.exitCode = err instanceof UsageError ? 2 : 1;
} finally {
  await stores.store.close();
}
