import { InvalidArgumentError } from 'commander';

/** Commander parser factory for an integer option within [min, max]. */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    if (!/^\s*\d+\s*$/.test(text)) throw new InvalidArgumentError(`${name} must be an integer`);
    const n = Number(text);
    if (n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}`);
    }
    return n;
  };
}

/** Commander parser factory for a finite number within (min, max]. */
export function numberOption(name: string, min: number, max = Number.POSITIVE_INFINITY) {
  return (text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= min || n > max) {
      throw new InvalidArgumentError(`${name} must be a number above ${min}, got "${text}"`);
    }
    return n;
  };
}
