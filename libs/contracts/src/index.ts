export * from './lib/errors';
export * from './lib/action-fields';
export * from './lib/health';
export * from './lib/domain';
export * from './lib/routes';
export * from './lib/accounts';
export * from './lib/realtime';
export * from './lib/working-groups';
