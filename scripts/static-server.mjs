// A tiny static file server for the demo site and the end-to-end fixtures.
// Loopback only; serves one folder; nothing else.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `folder` on 127.0.0.1. Resolves with the base URL (`http://127.0.0.1:PORT`)
 * and a `close()`.
 */
export async function serveFolder(folder, port = 0) {
  const server = createServer(handler(folder));
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return { base, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Serves `folder` over HTTPS on 127.0.0.1, for pages that must be read as if they came
 * from a webmail host (the browser maps the host here: launch-browser.mjs). The
 * certificate is made now, self-signed, for those hosts, and thrown away: the browser
 * is told to accept it. Resolves with the port and a `close()`.
 */
export async function serveFolderTls(folder, hosts) {
  const dir = await mkdtemp(join(tmpdir(), 'clientele-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-days', '1', '-keyout', key, '-out', cert, '-subj', `/CN=${hosts[0]}`],
      ...['-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`],
    ],
    { stdio: 'ignore' },
  );
  const options = { key: await readFile(key), cert: await readFile(cert) };
  await rm(dir, { recursive: true, force: true });
  const server = createTlsServer(options, handler(folder));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  server.unref(); // shared by every browser a test file starts; never keeps the run alive
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((done) => server.close(done)) };
}

function handler(folder) {
  const root = resolve(folder);
  return async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };
}
