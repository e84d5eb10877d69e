// Real CardDAV/CalDAV servers for tests and benchmarks: Debian's `radicale` and
// `xandikos`, each started on 127.0.0.1 with a free port, htpasswd users and a
// temporary folder, and stopped (by its pid) afterwards. Loopback only.
//
// Each server sits behind a small loopback proxy, for two reasons: Xandikos has no
// authentication of its own (it expects a reverse proxy to provide it), so the proxy
// checks Basic credentials against the same htpasswd file with `htpasswd -v`; and a
// test can ask the proxy to answer the next requests with an error (500, 503, 412)
// instead of the server, as a failing server would, or to hold them unanswered.
import { Buffer } from 'node:buffer';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DAV_SERVER_KINDS = ['radicale', 'xandikos'];

/** A port nobody listens on right now (the kernel picks it). */
async function freePort() {
  const server = createNetServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

function serverCommand(kind, dir, port, user) {
  if (kind === 'radicale')
    return [
      'radicale',
      [
        '--config',
        '',
        '--server-hosts',
        `127.0.0.1:${port}`,
        '--auth-type',
        'htpasswd',
        '--auth-htpasswd-filename',
        join(dir, 'users'),
        '--auth-htpasswd-encryption',
        'bcrypt',
        // A wrong password otherwise costs a second of waiting per attempt.
        '--auth-delay',
        '0',
        '--rights-type',
        'owner_only',
        '--storage-filesystem-folder',
        join(dir, 'collections'),
      ],
    ];
  return [
    'xandikos',
    [
      '-d',
      join(dir, 'collections'),
      '-l',
      '127.0.0.1',
      '-p',
      String(port),
      '--autocreate',
      '--current-user-principal',
      `/${user}/`,
    ],
  ];
}

const NO_FSYNC = [
  'import os, runpy, sys',
  'os.fsync = lambda fd: None',
  'sys.argv = sys.argv[1:]',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
].join('\n');

/** The same server script, run by its own Python (its `#!` line) with `os.fsync` a no-op. */
async function withoutFsync(command, args) {
  const script = (await run('which', [command])).stdout.trim();
  const python = (await readFile(script, 'utf8'))
    .split('\n')[0]
    .replace(/^#!\s*/, '')
    .trim();
  return [python, ['-c', NO_FSYNC, script, ...args]];
}

/** Polls until something answers HTTP on the port; bounded, so a broken server fails the run. */
async function waitUntilAnswering(port, child) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const answered = await new Promise((done) => {
      const probe = httpRequest({ host: '127.0.0.1', port, method: 'OPTIONS', path: '/' }, (r) => {
        r.resume();
        done(true);
      });
      probe.on('error', () => done(false));
      probe.end();
    });
    if (answered) return;
    await sleep(50);
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** Checks `Authorization: Basic …` against the htpasswd file; each good header is remembered. */
function basicChecker(usersFile) {
  const good = new Set();
  const check = async (header) => {
    if (!header?.startsWith('Basic ')) return false;
    if (good.has(header)) return true;
    const plain = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    if (colon < 1) return false;
    try {
      await run('htpasswd', ['-vb', usersFile, plain.slice(0, colon), plain.slice(colon + 1)]);
      good.add(header);
      return true;
    } catch {
      return false;
    }
  };
  // After a password change, the old header must be checked (and refused) again.
  check.forget = () => good.clear();
  return check;
}

function startProxy(port, target, checkAuth, faults, counts) {
  const held = new Set();
  const server = createServer((incoming, outgoing) => {
    counts.requests++;
    void (async () => {
      if (checkAuth && !(await checkAuth(incoming.headers.authorization))) {
        incoming.resume();
        outgoing
          .writeHead(401, {
            'www-authenticate': 'Basic realm="test"',
            'content-type': 'text/plain',
          })
          .end('Unauthorized');
        return;
      }
      // The first fault queued for this request's method (or for any method).
      const index = faults.findIndex((f) => !f.method || f.method === incoming.method);
      const fault = index < 0 ? undefined : faults.splice(index, 1)[0].answer;
      if (fault === 'hang') {
        // A server that never answers: the client's own time limit must end it.
        held.add(outgoing);
        incoming.resume();
        outgoing.on('close', () => {
          if (held.delete(outgoing)) counts.abandoned++;
        });
        return;
      }
      if (fault) {
        incoming.resume();
        outgoing.writeHead(fault, { 'content-type': 'text/plain' }).end(`injected ${fault}`);
        return;
      }
      const forward = httpRequest(
        {
          host: '127.0.0.1',
          port: target,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          const headers = { ...answer.headers };
          // Redirects name the server's own port; the client only knows the proxy's.
          if (headers.location)
            headers.location = headers.location.replace(`:${target}`, `:${port}`);
          outgoing.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.writeHead(502).end());
      incoming.pipe(forward);
    })();
  });
  const close = server.close.bind(server);
  server.close = (callback) => {
    const left = [...held];
    held.clear();
    for (const outgoing of left) outgoing.destroy();
    return close(callback);
  };
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/**
 * Starts `kind` ('radicale' | 'xandikos') with one user. Resolves with the base URL
 * (`http://127.0.0.1:PORT`), the credentials, the server's pid, `failNext(status,
 * count)` and `stop()`.
 *
 * `noFsync` (benchmarks): the server's fsync calls return at once, for either server
 * alike. Neither has a setting for it: Radicale's `_filesystem_fsync` is refused in a
 * config file, and Xandikos writes through Dulwich, which always syncs. So the server's
 * script runs in a Python whose `os.fsync` does nothing.
 */
export async function startDavServer(
  kind,
  { user = 'alice', password = 'correct horse', noFsync = false } = {},
) {
  if (!DAV_SERVER_KINDS.includes(kind)) throw new Error(`unknown DAV server ${kind}`);
  const dir = await mkdtemp(join(tmpdir(), `clientele-${kind}-`));
  const usersFile = join(dir, 'users');
  // bcrypt at the lowest cost: the tests check the password, not the hash's strength.
  await run('htpasswd', ['-cbB', '-C', '4', usersFile, user, password]);
  const serverPort = await freePort();
  const [command, args] = noFsync
    ? await withoutFsync(...serverCommand(kind, dir, serverPort, user))
    : serverCommand(kind, dir, serverPort, user);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + String(chunk)).slice(-20_000);
  });
  const exited = new Promise((done) => child.once('exit', done));
  const faults = [];
  const counts = { requests: 0, abandoned: 0, passwordChanged: false };
  const checker = basicChecker(usersFile);
  let proxy;
  try {
    await waitUntilAnswering(serverPort, child);
    const proxyPort = await freePort();
    // Radicale checks passwords itself; Xandikos has nobody to do it but the proxy.
    proxy = await startProxy(
      proxyPort,
      serverPort,
      // After a password change the proxy checks too, whatever Radicale may cache.
      (header) => (kind === 'xandikos' || counts.passwordChanged ? checker(header) : true),
      faults,
      counts,
    );
    return {
      kind,
      base: `http://127.0.0.1:${proxyPort}`,
      user,
      password,
      pid: child.pid,
      log: () => log,
      failNext(status, count = 1, method = undefined) {
        for (let i = 0; i < count; i++) faults.push({ answer: status, method });
      },
      hangNext(count = 1) {
        for (let i = 0; i < count; i++) faults.push({ answer: 'hang' });
      },
      faultsLeft: () => faults.length,
      abandoned: () => counts.abandoned,
      requests: () => counts.requests,
      async setPassword(next) {
        await run('htpasswd', ['-bB', '-C', '4', usersFile, user, next]);
        checker.forget();
        counts.passwordChanged = true;
      },
      async stop() {
        await new Promise((done) => proxy.close(done));
        if (child.exitCode === null) process.kill(child.pid, 'SIGTERM');
        await exited;
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child.exitCode === null) process.kill(child.pid, 'SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${kind} did not start: ${error.message}\n${log}`);
  }
}
