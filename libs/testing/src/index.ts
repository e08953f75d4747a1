export * from './env';
export * from './wait-for';
export * from './kafka-fixtures';
export * from './database-fixtures';
