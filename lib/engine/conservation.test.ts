import { defineConservationSuite } from './conservation-suite';

defineConservationSuite('pglite', 15);
