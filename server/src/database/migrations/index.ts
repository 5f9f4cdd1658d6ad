import { InitialSchema1795516866028 } from './1795516866028-initial-schema.js';
import { IdentityCore1795518344312 } from './1795518344312-identity-core.js';

/** Every migration, in order. A new migration is added here as well as in its file. */
export const MIGRATIONS = [InitialSchema1795516866028, IdentityCore1795518344312];
