import { InitialSchema1795516866028 } from './1795516866028-initial-schema.js';
import { IdentityCore1795518344312 } from './1795518344312-identity-core.js';
import { ProfilesDirectory1795519201483 } from './1795519201483-profiles-directory.js';
import { RostersClaims1795519456034 } from './1795519456034-rosters-claims.js';
import { SignInConsentPhone1795519523318 } from './1795519523318-sign-in-consent-phone.js';
import { EventRegistrations1795520187637 } from './1795520187637-event-registrations.js';

/** Every migration, in order. A new migration is added here as well as in its file. */
export const MIGRATIONS = [
  InitialSchema1795516866028,
  IdentityCore1795518344312,
  ProfilesDirectory1795519201483,
  RostersClaims1795519456034,
  SignInConsentPhone1795519523318,
  EventRegistrations1795520187637,
];
