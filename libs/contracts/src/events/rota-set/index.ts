export * from './schema';
export * from './example';
export * from './week';
