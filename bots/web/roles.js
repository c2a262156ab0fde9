// The fields of work the service knows (the `role` of a conversation), with their German names.
// One list for the escalation form and the role line.

/** @type {Array<[string, string]>} */
export const ROLES = [
  ['kita', 'Kita / Kindertagespflege'],
  ['schule', 'Schule / Hort'],
  ['gesundheit', 'Gesundheitswesen'],
  ['jugendhilfe', 'Kinder- und Jugendhilfe'],
  ['verein', 'Verein / Ehrenamt'],
  ['andere', 'anderes Arbeitsfeld'],
];

/** @param {string|null|undefined} role @returns {string|undefined} */
export function roleName(role) {
  return ROLES.find(([id]) => id === role)?.[1];
}
