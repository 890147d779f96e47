export * from './api/errors';
export * from './api/roles';
export * from './api/sessions';
export * from './consent';
