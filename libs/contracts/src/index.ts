export * from './topics';
export * from './envelope';
export * from './registry';
export * from './validation';
export * from './factory';
export * from './json-schema';
export * from './events';
export * from './ids';
