// node --test scripts/check-outside-refs.test.mjs
// The bad fixtures are written to a temporary folder at run time, from pieces, so that the
// repository itself never holds a string the check exists to refuse.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { findOutsideRefs } from './check-outside-refs.mjs';

const brief = ['DES', 'IGN'].join('');
const up = ['..', ''].join('/');
const sibling = `${up}${['sha', 'red'].join('')}`;
const root = mkdtempSync(join(tmpdir(), 'outside-refs-'));
after(() => rmSync(root, { recursive: true, force: true }));

function check(files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return findOutsideRefs(root, Object.keys(files)).map((p) => `${p.file}:${p.line} ${p.why}`);
}

test('a markdown link climbing out of the repository fails', () => {
  const found = check({
    'pkg/a/README.md': `Contracts: [brief](${up.repeat(2)}${sibling}/x.md)\n`,
  });
  assert.equal(found.length, 2);
  assert.match(found.join('\n'), /climbs out of the repository/);
  assert.match(found.join('\n'), /a folder beside the repository/);
});

test('naming the brief fails, with or without its extension, in code or docs', () => {
  const found = check({
    'src/a.ts': `// exactly ${brief}.md's result\nconst x = 1;\n`,
    'src/b.ts': `/** as ${brief} defines them */\n`,
    'notes.md': `See ${brief}.md.\n`,
  });
  assert.deepEqual(
    found.map((f) => f.split(' ')[0]),
    ['src/a.ts:1', 'src/b.ts:1', 'notes.md:1'],
  );
});

test('a comment citing a document by absolute or home path fails', () => {
  const found = check({
    'src/types.ts': `// the public types (see /${'tmp'}/interfaces.md)\n// and ~/${'notes'}/plan.md\n`,
  });
  assert.deepEqual(
    found.map((f) => f.split(' ')[0]),
    ['src/types.ts:1', 'src/types.ts:2'],
  );
});

test('a link to an in-repo file that does not exist fails', () => {
  const found = check({ 'README.md': 'See [the API](docs/http-api.md#routes).\n' });
  assert.equal(found.length, 1);
  assert.match(found[0], /docs\/http-api\.md, which is not in the repository/);
});

test('references that stay inside the repository pass', () => {
  const found = check({
    'docs/http-api.md': '# API\n',
    'README.md': [
      '[API](docs/http-api.md#routes) [site](https://example.com) [top](#layout)',
      '[ref]: docs/http-api.md',
    ].join('\n'),
    'apps/cli/src/lib/x.ts': [
      `import { y } from '${up.repeat(2)}src/y.js';`,
      "const list = parseList('x.mp4', '/data/list.txt');",
      "const design = 'designs are fine in lower case';",
    ].join('\n'),
    'apps/cli/src/y.ts': 'export const y = 1;\n',
    'pnpm-lock.yaml': `version: link:${up.repeat(2)}packages/decoder-native\n`,
  });
  assert.deepEqual(found, []);
});
