// The explicit map of rule name to rule module; src/index.ts derives the configs from it.
import noModuleStateWrite from './no-module-state-write.js';
import noRequestDataInModuleScope from './no-request-data-in-module-scope.js';
import noUnboundedCache from './no-unbounded-cache.js';
import noUnboundedGrowth from './no-unbounded-growth.js';

export const rules = {
  'no-unbounded-growth': noUnboundedGrowth,
  'no-unbounded-cache': noUnboundedCache,
  'no-request-data-in-module-scope': noRequestDataInModuleScope,
  'no-module-state-write': noModuleStateWrite,
};
