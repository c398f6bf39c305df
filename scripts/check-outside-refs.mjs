#!/usr/bin/env node
// Fails when a file in the repository points outside it: a relative link or path that climbs
// above the repository root, a link to an in-repo file that does not exist, an absolute path to
// a document (a markdown file under `/tmp` or `~`), or a mention of the team's private brief or the folder
// beside the repository where it lives. Someone with only a clone must be able to follow every
// reference. The patterns are assembled at run time so that this file does not match itself.
//
//   node scripts/check-outside-refs.mjs        # the tracked (and new, unignored) files
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// pnpm's lock file writes workspace links relative to each importer, not to itself.
const SKIP = new Set(['pnpm-lock.yaml']);
const BINARY = new Set(['.mp4', '.mov', '.mkv', '.webm', '.png', '.jpg', '.jpeg', '.bin', '.node']);
const BRIEF = new RegExp(`\\b${'DES'}${'IGN'}\\b`); // the brief, with or without its extension
const SIBLING = new RegExp(`\\.\\./${'sha'}${'red'}\\b`); // the folder beside the repository
// A path with at least one `../`, as written in a link, an import, a comment or a string.
const CLIMB = /(?<![\w./-])((?:\.\.\/)+[\w.@-][\w./@-]*)/g;
// An absolute or home-relative path to a document.
const ABS_DOC = /(?<![\w.~/-])(?:~|\/[a-z]+)(?:\/[\w.@-]+)*\/[\w@-]+\.(?:md|pdf|html)\b/gi;
// A markdown link target: [text](target) or [text]: target.
const MD_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*(\S+)/gm;

/** Every problem in one file's text: [{ line, text, why }]. */
export function problemsIn(root, file, text) {
  const found = [];
  const dir = dirname(join(root, file));
  const escapes = (target) => {
    const rel = relative(root, resolve(dir, target));
    return rel === '..' || rel.startsWith(`..${sep}`);
  };
  text.split('\n').forEach((line, i) => {
    const add = (why) => found.push({ line: i + 1, text: line.trim(), why });
    if (BRIEF.test(line)) add('names the private design brief; explain it in docs/ instead');
    if (SIBLING.test(line)) add('points at a folder beside the repository');
    for (const [, target] of line.matchAll(CLIMB)) {
      if (escapes(target)) add(`${target} climbs out of the repository`);
    }
    for (const [path] of line.matchAll(ABS_DOC))
      add(`${path} is a document outside the repository`);
  });
  if (extname(file) === '.md') {
    for (const m of text.matchAll(MD_LINK)) {
      const target = (m[1] ?? m[2]).split('#')[0];
      if (!target || /^[a-z][\w+.-]*:/i.test(target)) continue; // anchors, http:, mailto:
      const line = text.slice(0, m.index).split('\n').length;
      const at = target.startsWith('/') ? join(root, target) : resolve(dir, target);
      if (escapes(target)) continue; // reported above
      if (!existsSync(at)) {
        found.push({
          line,
          text: m[0].trim(),
          why: `link to ${target}, which is not in the repository`,
        });
      }
    }
  }
  return found;
}

/** Problems across `files` (paths relative to `root`). */
export function findOutsideRefs(root, files) {
  const all = [];
  for (const file of files) {
    if (SKIP.has(file) || BINARY.has(extname(file).toLowerCase())) continue;
    const path = join(root, file);
    if (!existsSync(path)) continue; // deleted in the work tree
    const text = readFileSync(path, 'utf8');
    if (text.includes('\0')) continue;
    for (const p of problemsIn(root, file, text)) all.push({ file, ...p });
  }
  return all;
}

export function repoFiles(root) {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return [...new Set(out.split('\0').filter(Boolean))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = findOutsideRefs(root, repoFiles(root));
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.why}\n    ${p.text}`);
  if (problems.length) {
    console.error(`${problems.length} reference(s) point outside the repository`);
    process.exit(1);
  }
  console.error('no reference points outside the repository');
}
