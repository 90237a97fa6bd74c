export * from './constants';
export * from './instructions';
export * from './plan';
export { signInstructions } from './transaction';
export type { BlockhashLifetime } from './transaction';
