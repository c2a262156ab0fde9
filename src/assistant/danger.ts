import { declaresEmergency } from './intents.ts';
import { triage, type TriageResult } from './triage.ts';

/** Triage, raised to acute when the asker says outright that a child is in danger now. */
export function assessDanger(text: string): TriageResult {
  const result = triage(text);
  if (result.level !== 'acute' && declaresEmergency(text)) return { ...result, level: 'acute', signals: [...result.signals, 'declared-emergency'] };
  return result;
}
