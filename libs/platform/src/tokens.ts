export const PLATFORM_ENV = Symbol('PLATFORM_ENV');
export const SERVICE = Symbol('SERVICE');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
