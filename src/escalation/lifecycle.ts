// The case lifecycle as one table: which action leads from which states to which, and who may
// take it. Every change of a case's status or holder goes through `checkTransition`, so the
// rules live here and nowhere else; the service only writes what this table allows.
//
//            claim                close
//   open ───────────▶ claimed ───────────▶ closed
//    ▲  ◀─────────── │  ▲  │                │
//    │    release    │  └──┘ transfer,      │ reopen (within retention)
//    │               │       take_over      ▼
//    └── close ──────┴─────────────────▶ claimed (by whoever reopens)
import type { CaseRecord, CaseStatus } from './types.ts';

export type CaseAction = 'claim' | 'release' | 'transfer' | 'take_over' | 'close' | 'reopen';

/** holder: only the current holder; lead: only a lead (MATRIX_LEAD_USERS); anyone: any staff member. */
type Who = 'anyone' | 'holder' | 'lead' | 'holder_when_claimed';

type Rule = { from: readonly CaseStatus[]; to: CaseStatus; who: Who; summary: string };

export const TRANSITIONS: Readonly<Record<CaseAction, Rule>> = {
  claim: { from: ['open'], to: 'claimed', who: 'anyone', summary: 'a staff member takes a waiting case' },
  release: { from: ['claimed'], to: 'open', who: 'holder', summary: 'the holder puts it back into the queue' },
  transfer: { from: ['claimed'], to: 'claimed', who: 'holder', summary: 'the holder hands it to a colleague' },
  take_over: { from: ['claimed'], to: 'claimed', who: 'lead', summary: 'a lead takes it from an absent holder' },
  // An open case may be closed by anyone (a duplicate, a test); a claimed one only by its holder.
  close: { from: ['open', 'claimed'], to: 'closed', who: 'holder_when_claimed', summary: 'the case ends; the asker is told' },
  reopen: { from: ['closed'], to: 'claimed', who: 'anyone', summary: 'a closed case is taken up again while it is still kept' },
};

export type TransitionError = 'already_claimed' | 'closed' | 'not_claimed' | 'not_holder' | 'not_lead' | 'not_closed' | 'expired' | 'same_holder';

export type Actor = { staffId: string; lead?: boolean };

export type TransitionCheck =
  | { ok: true; to: CaseStatus; unchanged?: boolean }
  | { ok: false; error: TransitionError };

/**
 * May `actor` take `action` on `c` now? `retentionMs` bounds reopening: a closed case is purged
 * after it, so it can only be reopened before. `target` is the new holder of a transfer.
 */
export function checkTransition(c: CaseRecord, action: CaseAction, actor: Actor, options: { now: number; retentionMs: number; target?: string }): TransitionCheck {
  const rule = TRANSITIONS[action];
  // Claiming a case one already holds changes nothing and is no error (a repeated ✋).
  if (action === 'claim' && c.status === 'claimed' && c.staffId === actor.staffId) return { ok: true, to: 'claimed', unchanged: true };
  if (!rule.from.includes(c.status)) return { ok: false, error: wrongState(action, c.status) };
  switch (rule.who) {
    case 'holder':
      if (c.staffId !== actor.staffId) return { ok: false, error: 'not_holder' };
      break;
    case 'lead':
      if (!actor.lead) return { ok: false, error: 'not_lead' };
      break;
    case 'holder_when_claimed':
      if (c.status === 'claimed' && c.staffId !== actor.staffId) return { ok: false, error: 'not_holder' };
      break;
    case 'anyone':
      break;
  }
  if ((action === 'transfer' || action === 'take_over') && (options.target ?? actor.staffId) === c.staffId) return { ok: false, error: 'same_holder' };
  if (action === 'reopen' && (c.closedAt === null || options.now - c.closedAt >= options.retentionMs)) return { ok: false, error: 'expired' };
  return { ok: true, to: rule.to };
}

function wrongState(action: CaseAction, status: CaseStatus): TransitionError {
  if (action === 'reopen') return 'not_closed';
  if (status === 'closed') return 'closed';
  if (action === 'claim') return 'already_claimed';
  return 'not_claimed';
}
