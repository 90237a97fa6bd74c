export { LINKER_VERSION, linkSbpfV0 } from './link';
export type { LinkOptions } from './link';
export { LinkError } from './errors';
