export * from './config';
export * from './custody';
export * from './market';
export * from './order';
export * from './pool';
export * from './position';
export * from './price';
export * from './token';
