import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scriptArgs } from './script-args.js';

describe('scriptArgs', () => {
  it('drops the `--` pnpm passes through, so the flags after it are parsed', () => {
    const args = scriptArgs(['--', '--half', 'test']);
    expect(args).toEqual(['--half', 'test']);
    const { values } = parseArgs({ args, options: { half: { type: 'string' } } });
    expect(values.half).toBe('test');
  });

  it('keeps every other argument, a later `--` included', () => {
    expect(scriptArgs(['--seeds', '1', '--', 'x'])).toEqual(['--seeds', '1', '--', 'x']);
  });
});
