import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password the server makes when an admin resets one: four groups of four (about 79 bits), easy to
 * read out to a colleague on the phone and to type, and never chosen by the admin, so it is not a
 * favourite reused elsewhere.
 */
export function generatePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
