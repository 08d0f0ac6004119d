// The CLI, the bench and the scripts read the shared directory walker from here.
export * from '../util/walk.js';
