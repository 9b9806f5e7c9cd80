// A worker thread starts without the TypeScript loader the main thread registered: register it here,
// then load the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./pool-thread.ts');
