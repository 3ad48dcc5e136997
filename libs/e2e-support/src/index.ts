export * from './lib/api-process';
export * from './lib/free-port';
export * from './lib/browser';
export * from './lib/mail-sink';
export * from './lib/api-client';
