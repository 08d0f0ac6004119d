// The explicit map of rule name to rule module; src/index.ts derives the configs from it.
import noHandlerListenerLeak from './no-handler-listener-leak.js';
import noModuleStateWrite from './no-module-state-write.js';
import noPersistentLibraryContext from './no-persistent-library-context.js';
import noRequestDataInModuleScope from './no-request-data-in-module-scope.js';
import noSharedSsrInstance from './no-shared-ssr-instance.js';
import noUnboundedCache from './no-unbounded-cache.js';
import noUnboundedGrowth from './no-unbounded-growth.js';

export const rules = {
  'no-unbounded-growth': noUnboundedGrowth,
  'no-unbounded-cache': noUnboundedCache,
  'no-request-data-in-module-scope': noRequestDataInModuleScope,
  'no-module-state-write': noModuleStateWrite,
  'no-handler-listener-leak': noHandlerListenerLeak,
  'no-persistent-library-context': noPersistentLibraryContext,
  'no-shared-ssr-instance': noSharedSsrInstance,
};
