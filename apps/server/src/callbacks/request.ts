// A submitted callback_url: refused (400) unless callbacks are configured and its host is on
// the allow-list; returns the URL as it will be called.
import { BadRequestError } from '../errors/bad-request-error.js';
import type { CallbackConfig } from './config.js';

export function checkCallbackUrl(c: CallbackConfig, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!c.enabled)
    throw new BadRequestError(
      'callback_url is refused: callbacks are not configured on this server (CALLBACK_SECRET is unset)',
    );
  const check = c.allowList.checkUrl(raw);
  if (!check.ok) throw new BadRequestError(check.reason);
  return check.url.href;
}
