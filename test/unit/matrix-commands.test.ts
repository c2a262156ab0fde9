// The bot's command words without Synapse: what counts as a command, and which known command is
// closest to a typo (the answer staff get instead of silence).
import { describe, expect, it } from 'vitest';
import { editDistance, Router } from '../../bots/matrix/router.ts';

function router() {
  const r = new Router();
  const noop = () => undefined;
  r.command('abschließen', ['close'], { usage: '!abschließen <Thema> <Ergebnis>', summary: '', where: ['queue', 'case'] }, noop)
    .command('übernehmen', ['claim'], { usage: '!übernehmen KS-…', summary: '', where: ['queue', 'case'] }, noop)
    .command('person', [], { usage: '!person', summary: '', where: ['direct'], staffOnly: false }, noop);
  return r;
}

describe('bot commands', () => {
  it('takes only the prefix followed by a letter as a command', () => {
    const r = router();
    expect(r.isCommand('!fall KS-2026-0001')).toBe(true);
    expect(r.isCommand('  !Übernehmen')).toBe(true);
    expect(r.isCommand('!!! Bitte sofort die 110 anrufen')).toBe(false);
    expect(r.isCommand('! Achtung')).toBe(false);
  });
  it('suggests the closest command usable in the room, and none for a far-off word', () => {
    const r = router();
    const staffInCase = { roomKind: 'case' as const, isStaff: true };
    expect(r.closest('abschlissen', staffInCase)?.name).toBe('abschließen');
    expect(r.closest('uber', staffInCase)?.name).toBe('übernehmen');
    expect(r.closest('wetter', staffInCase)).toBeUndefined();
    expect(r.closest('persn', staffInCase)).toBeUndefined(); // !person does not work in a case room
  });
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
