// The fields of work the service knows (the `role` of a conversation), with their German names.
// One list for the escalation form and the role line.

import { ROLE_OPTIONS } from './contract.js';

/** @type {ReadonlyArray<readonly [string, string]>} The contract's list (contract.js, generated), not a copy. */
export const ROLES = ROLE_OPTIONS;

/** @param {string|null|undefined} role @returns {string|undefined} */
export function roleName(role) {
  return ROLES.find(([id]) => id === role)?.[1];
}
