import { ACCOUNT_LEN, accountKind, type AccountKind } from '../tags';

/** The data, after checking it is an account of `kind` (discriminator and length). */
export function expectKind(data: Uint8Array, kind: AccountKind): Uint8Array {
  if (data.length < ACCOUNT_LEN[kind] || accountKind(data) !== kind) {
    throw new TypeError(`not a ${kind} account (${data.length} bytes)`);
  }
  return data;
}
