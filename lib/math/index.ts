/** lib/math: every formula of the protocol (protocol.md §1–8) as pure bigint functions. */
export * from './ids';
export * from './scales';
export * from './bigmath';
export * from './parse';
export * from './errors';
export * from './describe';
export * from './params';
export * from './oracle-band';
export * from './convert';
export * from './borrow-rate';
export * from './interest';
export * from './position';
export * from './open';
export * from './pnl';
export * from './leverage';
export * from './liquidation';
export * from './close';
