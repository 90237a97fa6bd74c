import { HttpError } from './errors';

/** 403 DEVNET_DISABLED unless the local network is on (api.md § Local network controls). */
export function requireDevnet(config: { devnet: boolean }): void {
  if (!config.devnet) {
    throw new HttpError(403, 'DEVNET_DISABLED', 'The local network controls are off on this server (DEVNET=0).');
  }
}
