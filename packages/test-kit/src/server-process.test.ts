// The helper against a stand-in main.js written here: it logs JSON like the server (a
// 'listening' line with the port), answers /readyz 503 for its first calls, and exits 0 on
// SIGTERM. The server's own e2e tests run the helper against the real build.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './clips.js';
import { startServerProcess, troubleLines } from './server-process.js';

const MAIN = `
import { createServer } from 'node:http';
if (process.env.FAIL_AT_START) { console.log('not JSON: bad config'); process.exit(3); }
let asked = 0;
const server = createServer((req, res) => {
  if (req.url === '/readyz') asked++;
  res.writeHead(req.url === '/readyz' && asked < 3 ? 503 : 200).end(String(asked));
});
server.listen(Number(process.env.PORT), process.env.HOST, () => {
  const log = (o) => console.log(JSON.stringify(o));
  log({ level: 'info', msg: 'listening', port: server.address().port, args: process.argv.slice(2) });
  log({ level: 'warn', msg: 'role', worker: process.argv.includes('--worker-only'), name: process.env.NAME });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let main: string;
beforeAll(async () => {
  scratch = await scratchDir('imajin-kit-server');
  main = path.join(scratch.dir, 'main.mjs');
  await writeFile(main, MAIN);
});
afterAll(() => scratch.remove());

describe('startServerProcess', () => {
  it('starts the entry point with env and args, waits for /readyz, and stops it with SIGTERM', async () => {
    const p = await startServerProcess({ main, env: { NAME: 'w1' }, args: ['--worker-only'] });
    try {
      expect(p.url).toBe(`http://127.0.0.1:${p.port}`);
      // Ready: the helper polled through the two 503s.
      expect(Number(await (await fetch(`${p.url}/readyz`)).text())).toBeGreaterThanOrEqual(3);
      expect(p.logs).toContainEqual(
        expect.objectContaining({ msg: 'role', worker: true, name: 'w1' }),
      );
      expect(troubleLines(p)).toContain('"msg":"role"');
      expect(troubleLines(p)).not.toContain('listening');
    } finally {
      expect(await p.stop()).toBe(0);
    }
  });

  it('kills with SIGKILL when asked, as a crash would', async () => {
    const p = await startServerProcess({ main, env: {} });
    expect(await p.stop('SIGKILL')).toBe('SIGKILL');
    expect(await p.stop()).toBe('SIGKILL'); // stopping again only reports the end
  });

  it('rejects with the logs when the process exits before listening, or the file is missing', async () => {
    await expect(startServerProcess({ main, env: { FAIL_AT_START: '1' } })).rejects.toThrow(
      /exited \(3\) before listening:\n.*bad config/,
    );
    await expect(
      startServerProcess({ main: path.join(scratch.dir, 'nope.js'), env: {} }),
    ).rejects.toThrow(/is missing/);
  });
});
