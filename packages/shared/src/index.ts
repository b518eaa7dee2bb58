export * from './roles.js';
export * from './permissions.js';
export * from './errors.js';
export * from './time.js';
export * from './schemas/common.js';
export * from './schemas/auth.js';
export * from './schemas/consultation.js';
export * from './schemas/members.js';
