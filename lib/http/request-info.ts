import { HttpError } from './errors';

/**
 * The domain a signed intent must name (api.md § Acting): APP_DOMAIN when the server is configured with one
 * (behind a proxy that rewrites Host), else the Host the request was sent to.
 */
export function expectedDomain(request: Request, appDomain: string | undefined): string {
  if (appDomain) return appDomain;
  const host = request.headers.get('host');
  if (host) return host;
  return new URL(request.url).host;
}

/** 403 DEVNET_DISABLED unless the local network is on (api.md § Local network controls). */
export function requireDevnet(config: { devnet: boolean }): void {
  if (!config.devnet) {
    throw new HttpError(403, 'DEVNET_DISABLED', 'The local network controls are off on this server (DEVNET=0).');
  }
}
