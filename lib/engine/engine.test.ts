import { defineEngineSuite } from './engine-suite';

defineEngineSuite('pglite');
