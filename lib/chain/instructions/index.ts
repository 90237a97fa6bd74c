export * from './admin';
export * from './keeper';
export * from './liquidity';
export * from './meta';
export * from './orders';
export * from './trade';
