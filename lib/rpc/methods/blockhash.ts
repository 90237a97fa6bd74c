import bs58 from 'bs58';
import { InvalidTransactionError } from '@/lib/validator';
import { withContext } from '../context';
import { invalidParam, invalidParams } from '../errors';
import { checkContext, config, required } from '../params';
import type { RpcMethods } from './types';

function blockhashParam(value: unknown): string {
  if (typeof value !== 'string') throw invalidParams('invalid type: expected a base-58 encoded hash');
  let length: number;
  try {
    length = bs58.decode(value).length;
  } catch {
    throw invalidParam('Invalid');
  }
  if (length !== 32) throw invalidParam('WrongSize');
  return value;
}

/** Recent blockhashes and fees (agave `get_latest_blockhash`, `is_blockhash_valid`, `get_fee_for_message`). */
export const blockhashMethods: RpcMethods = {
  getLatestBlockhash: (chain, params) => {
    checkContext(chain, config(params, 0));
    return withContext(chain, chain.latestBlockhash());
  },

  isBlockhashValid: (chain, params) => {
    const blockhash = required(params, 0, 'a blockhash', blockhashParam);
    checkContext(chain, config(params, 1));
    return withContext(chain, chain.isBlockhashValid(blockhash));
  },

  /** The message is base64 (agave decodes it as such); the fee is null once its blockhash expired. */
  getFeeForMessage: (chain, params) => {
    const encoded = required(params, 0, 'a base64 message', (v) => {
      if (typeof v !== 'string') throw invalidParams('invalid type: expected a base64 encoded message');
      return v;
    });
    checkContext(chain, config(params, 1));
    const bytes = new Uint8Array(Buffer.from(encoded, 'base64'));
    try {
      return withContext(chain, chain.feeForMessage(bytes));
    } catch (error) {
      if (error instanceof InvalidTransactionError) throw invalidParams(`invalid transaction message: ${error.message}`);
      throw error;
    }
  },
};
