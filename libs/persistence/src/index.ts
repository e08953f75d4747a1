export * from './clock';
export * from './service-schema';
export * from './data-source';
export * from './migrations/messaging-tables';
