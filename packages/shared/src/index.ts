export * from './api/attributes';
export * from './api/errors';
export * from './api/recording';
export * from './api/roles';
export * from './api/sessions';
export * from './consent';
